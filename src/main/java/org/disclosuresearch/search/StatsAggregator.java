package org.disclosuresearch.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.NumericUtils;
import org.disclosuresearch.index.Fields;
import org.disclosuresearch.report.DerivedFigures;
import org.disclosuresearch.report.FigureCatalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * count, sum, min, max, mean of a figure over every matching report, overall and per facet value; for a derived ratio
 * the mean is Σ numerator / Σ denominator (see {@link SearchResult.Summary}), from the doc values the index keeps of
 * each report's numerator and denominator.
 */
final class StatsAggregator {
    private StatsAggregator() {
    }

    private static final class Acc {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double numerator;
        double denominator;

        void add(double v, double num, double den) {
            count++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            numerator += num;
            denominator += den;
        }

        void addAll(Acc part) {
            count += part.count;
            sum += part.sum;
            min = Math.min(min, part.min);
            max = Math.max(max, part.max);
            numerator += part.numerator;
            denominator += part.denominator;
        }

        SearchResult.Summary summary(DerivedFigures.Ratio ratio) {
            if (count == 0) {
                return new SearchResult.Summary(0, 0, null, null, null);
            }
            if (ratio == null) {
                return new SearchResult.Summary(count, sum, min, max, sum / count);
            }
            Double mean = denominator > 0 ? numerator / denominator + ratio.offset() : null;
            return new SearchResult.Summary(count, sum, min, max, mean, numerator, denominator);
        }
    }

    static SearchResult.Stats compute(FacetsCollector hits, StatsRequest request) throws IOException {
        boolean decimal = FigureCatalog.get().find(request.field()).map(f -> f.isDecimal()).orElse(false);
        DerivedFigures.Ratio ratio = DerivedFigures.find(request.field()).orElse(null);
        Acc overall = new Acc();
        Map<String, Acc> buckets = new HashMap<>();
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            if (md.bits == null) {
                continue;
            }
            NumericDocValues values = DocValues.getNumeric(md.context.reader(), request.field());
            NumericDocValues nums = ratio == null ? null
                    : DocValues.getNumeric(md.context.reader(), Fields.ratioNumerator(ratio.id()));
            NumericDocValues dens = ratio == null ? null
                    : DocValues.getNumeric(md.context.reader(), Fields.ratioDenominator(ratio.id()));
            String byField = request.by() == null ? null : Fields.facetValues(request.by());
            String[] names = byField == null ? new String[0] : FacetOrdinals.values(md.context.reader(), byField);
            int[] byOrds = byField == null ? null : FacetOrdinals.of(md.context.reader(), byField);
            // doc values only for a field with several values per report: the others have their ordinals cached
            SortedSetDocValues by = byField == null || byOrds != null ? null
                    : DocValues.getSortedSet(md.context.reader(), byField);
            // per ordinal of this segment, an array rather than a map: no boxing for a million documents
            Acc[] perOrd = new Acc[names.length];
            DocIdSetIterator it = md.bits.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (!values.advanceExact(doc)) {
                    continue; // figure not printed in this report: absent, not 0
                }
                long raw = values.longValue();
                double v = decimal ? NumericUtils.sortableLongToDouble(raw) : raw;
                double num = 0;
                double den = 0;
                if (ratio != null && nums.advanceExact(doc) && dens.advanceExact(doc)) {
                    num = NumericUtils.sortableLongToDouble(nums.longValue());
                    den = NumericUtils.sortableLongToDouble(dens.longValue());
                }
                overall.add(v, num, den);
                if (byOrds != null) {
                    if (byOrds[doc] >= 0) {
                        add(perOrd, byOrds[doc], v, num, den);
                    }
                } else if (by != null && by.advanceExact(doc)) {
                    for (int i = 0; i < by.docValueCount(); i++) {
                        add(perOrd, (int) by.nextOrd(), v, num, den);
                    }
                }
            }
            for (int ord = 0; ord < perOrd.length; ord++) {
                Acc part = perOrd[ord];
                if (part == null) {
                    continue;
                }
                String value = names[ord];
                buckets.computeIfAbsent(value, k -> new Acc()).addAll(part);
            }
        }
        List<SearchResult.Bucket> out = new ArrayList<>();
        buckets.forEach((value, acc) -> out.add(new SearchResult.Bucket(value, acc.summary(ratio))));
        out.sort((a, b) -> a.summary().sum() != b.summary().sum()
                ? Double.compare(b.summary().sum(), a.summary().sum()) : a.value().compareTo(b.value()));
        return new SearchResult.Stats(request.field(), request.by(), overall.summary(ratio), out);
    }

    private static void add(Acc[] perOrd, int ord, double v, double num, double den) {
        Acc acc = perOrd[ord];
        if (acc == null) {
            acc = perOrd[ord] = new Acc();
        }
        acc.add(v, num, den);
    }
}
