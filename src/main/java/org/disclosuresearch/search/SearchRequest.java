package org.disclosuresearch.search;

import org.disclosuresearch.query.MatchMode;

import java.util.List;
import java.util.Map;

/**
 * One search, as the CLI, the API and the tests express it. Knows nothing of Lucene.
 *
 * @param query  the query language (see {@link org.disclosuresearch.query.QueryLanguage}): exact strings (AND),
 *               "quoted phrases", OR, -exclusion, field prefixes (agency:…), figure ranges
 * @param facets dimension to selected values: values within a dimension OR, dimensions AND
 *               (dimensions: agencyType, province, city, county, year, template, checks, format)
 * @param ranges numeric range filters on figure ids and year
 * @param sort   relevance (default), year, or a figure id, with direction
 * @param size   page size
 * @param cursor opaque cursor from the previous page's {@link SearchResult#nextCursor()}, or null
 * @param stats  aggregates to compute over the whole result set
 * @param match  how unquoted text matches: exact strings (the default) or smartcn words in any order
 */
public record SearchRequest(String query, Map<String, List<String>> facets, List<RangeFilter> ranges, SortSpec sort,
                            int size, String cursor, List<StatsRequest> stats, MatchMode match) {
    /** Largest page a request may ask for (of any backend); deeper results come by cursor. */
    public static final int MAX_PAGE_SIZE = 1000;

    public SearchRequest {
        query = query == null ? "" : query;
        facets = facets == null ? Map.of() : Map.copyOf(facets);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        sort = sort == null ? SortSpec.RELEVANCE : sort;
        stats = stats == null ? List.of() : List.copyOf(stats);
        match = match == null ? MatchMode.EXACT : match;
    }

    /** A request with the default (exact) matching. */
    public SearchRequest(String query, Map<String, List<String>> facets, List<RangeFilter> ranges, SortSpec sort,
                         int size, String cursor, List<StatsRequest> stats) {
        this(query, facets, ranges, sort, size, cursor, stats, MatchMode.EXACT);
    }

    /** This request with unquoted text matched as {@code mode} says. */
    public SearchRequest withMatch(MatchMode mode) {
        return new SearchRequest(query, facets, ranges, sort, size, cursor, stats, mode);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), List.of(), SortSpec.RELEVANCE, 10, null, List.of());
    }
}
