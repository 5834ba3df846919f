package org.disclosuresearch.search;

import org.disclosuresearch.report.Region;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}. Snippets are HTML: the report text escaped, each match wrapped in
 * {@code <mark>…</mark>}, so that a page can insert them as they are.
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, List<Stats> stats,
                           String nextCursor) {

    public record Hit(String id, String agency, Integer year, Region region, String agencyType, String template,
                      float score, List<String> snippets, Map<String, Number> figures, List<String> failedChecks) {
    }

    /** A facet value with its count; region values carry their children (province > city > county). */
    public record FacetValue(String value, long count, List<FacetValue> children) {
    }

    public record Summary(long count, double sum, Double min, Double max, Double mean) {
    }

    public record Bucket(String value, Summary summary) {
    }

    public record Stats(String field, String by, Summary overall, List<Bucket> buckets) {
    }
}
