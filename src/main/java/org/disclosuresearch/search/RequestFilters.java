package org.disclosuresearch.search;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.disclosuresearch.index.Fields;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of a request as Lucene queries: one per selected facet dimension (its values OR'ed) and one per
 * range. Kept apart so that drill-sideways counting can leave one dimension's filter out.
 */
final class RequestFilters {

    private final Map<String, Query> byDimension = new LinkedHashMap<>();
    private final List<Query> ranges;

    RequestFilters(SearchRequest request) {
        for (Map.Entry<String, List<String>> e : request.facets().entrySet()) {
            FacetSelection.requireDimension(e.getKey());
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String value : e.getValue()) {
                any.add(new TermQuery(new Term(Fields.facetValues(e.getKey()), value)), BooleanClause.Occur.SHOULD);
            }
            byDimension.put(e.getKey(), any.build());
        }
        ranges = request.ranges().stream().map(RequestFilters::rangeQuery).toList();
    }

    /** Dimensions with a selection. */
    java.util.Set<String> selectedDimensions() {
        return byDimension.keySet();
    }

    /** {@code query} restricted by every filter except the selection of {@code exceptDimension} (may be null). */
    Query apply(Query query, String exceptDimension) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        byDimension.forEach((dim, q) -> {
            if (!dim.equals(exceptDimension)) {
                b.add(q, BooleanClause.Occur.FILTER);
            }
        });
        ranges.forEach(q -> b.add(q, BooleanClause.Occur.FILTER));
        return b.build();
    }

    static Query rangeQuery(RangeFilter range) {
        if (RangeFilter.YEAR.equals(range.field())) {
            return IntPoint.newRangeQuery(Fields.YEAR, (int) Math.max(Integer.MIN_VALUE, range.minWhole()),
                    (int) Math.min(Integer.MAX_VALUE, range.maxWhole()));
        }
        Figure figure = FigureCatalog.get().find(range.field()).orElseThrow(() ->
                new UnknownFigureException("range", range.field(), RangeFilter.YEAR));
        if (figure.isDecimal()) {
            return DoublePoint.newRangeQuery(figure.id(),
                    range.min() == null ? Double.NEGATIVE_INFINITY : range.min(),
                    range.max() == null ? Double.POSITIVE_INFINITY : range.max());
        }
        return LongPoint.newRangeQuery(figure.id(), range.minWhole(), range.maxWhole());
    }
}
