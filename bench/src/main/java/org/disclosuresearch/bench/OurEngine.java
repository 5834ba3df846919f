package org.disclosuresearch.bench;

import org.disclosuresearch.search.RangeFilter;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.disclosuresearch.search.SortSpec;
import org.disclosuresearch.search.StatsRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** disclosure-search as the API and the page use it: one {@link SearchRequest} per query, facet counts included. */
final class OurEngine implements QueryEngine {

    private final SearchBackend backend;
    private final String name;

    OurEngine(SearchBackend backend) {
        this(backend, "disclosure-search");
    }

    /** @param name how the results name it: the embedded index, or the same search on SolrCloud */
    OurEngine(SearchBackend backend, String name) {
        this.backend = backend;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** The request a query stands for, with the cursor of the page before for a deep page. */
    SearchRequest request(BenchQuery q) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        q.facets().forEach((dim, value) -> facets.put(dim, List.of(value)));
        List<RangeFilter> ranges = q.figure() != null && q.min() != null
                ? List.of(new RangeFilter(q.figure(), q.min(), null)) : List.of();
        SortSpec sort = q.kind() == BenchQuery.Kind.SORT_BY_FIGURE ? new SortSpec(q.figure(), true) : SortSpec.RELEVANCE;
        List<StatsRequest> stats = q.kind() == BenchQuery.Kind.AGGREGATE
                ? List.of(new StatsRequest(q.figure(), "province")) : List.of();
        SearchRequest request = new SearchRequest(q.queryString(), facets, ranges, sort, BenchQuery.PAGE_SIZE, null, stats);
        String cursor = null;
        for (int page = 1; page < q.page(); page++) {
            SearchResult r = backend.search(withCursor(request, cursor));
            cursor = r.nextCursor();
            if (cursor == null) {
                break; // fewer pages than asked for: the deep page is the last one there is
            }
        }
        return withCursor(request, cursor);
    }

    static SearchRequest withCursor(SearchRequest r, String cursor) {
        return new SearchRequest(r.query(), r.facets(), r.ranges(), r.sort(), r.size(), cursor, r.stats());
    }

    /** The same search, first page, sorted by {@code figure} from the largest. */
    static SearchRequest sortedBy(SearchRequest r, String figure) {
        return new SearchRequest(r.query(), r.facets(), r.ranges(), new SortSpec(figure, true), r.size(), null,
                r.stats());
    }

    @Override
    public Prepared prepare(BenchQuery query) {
        SearchRequest request = request(query);
        return () -> backend.search(request).total();
    }

    /** Reports matching a quoted phrase, by total count. */
    long phraseCount(String phrase) {
        return backend.search(new SearchRequest('"' + phrase + '"', null, null, null, 0, null, null)).total();
    }

    /** Ids of every report matching a quoted phrase. */
    List<String> phraseIds(String phrase) {
        List<String> ids = new java.util.ArrayList<>();
        backend.export(SearchRequest.of('"' + phrase + '"'), r -> ids.add(r.id()));
        return ids;
    }
}
