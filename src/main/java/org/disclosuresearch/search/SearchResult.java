package org.disclosuresearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.disclosuresearch.report.Region;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}. Snippets are HTML: the report text escaped, each match wrapped in
 * {@code <mark>…</mark>}, so that a page can insert them as they are.
 *
 * @param wordMatchTotal when an exact search ({@link org.disclosuresearch.query.MatchMode#EXACT}) finds nothing, how
 *                       many reports the same request would find matching words ({@code match=words}); else null
 *                       (and left out of the JSON)
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, List<Stats> stats,
                           String nextCursor,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long wordMatchTotal) {

    public SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, List<Stats> stats,
                        String nextCursor) {
        this(total, hits, facets, stats, nextCursor, null);
    }

    /**
     * @param matchCount     how many places of the report's text the query marks (the report view's 命中 N 处)
     * @param agencyKey      the agency's identity across years (see {@code Report.agencyKey}), or null
     * @param derivedFigures figures computed at index time (ratios, growth), apart from the read {@code figures}
     */
    public record Hit(String id, String agency, Integer year, Region region, String agencyType, String template,
                      float score, List<String> snippets, int matchCount, Map<String, Number> figures,
                      List<String> failedChecks, String agencyKey, Map<String, Double> derivedFigures) {

        /** Its value of a figure, read or derived; null when absent. */
        public Number figure(String id) {
            Number n = figures == null ? null : figures.get(id);
            return n != null || derivedFigures == null ? n : derivedFigures.get(id);
        }

        /** A hit of a stored report, marked as the engine found it. */
        public static Hit of(org.disclosuresearch.report.Report r, float score, List<String> snippets, int matchCount) {
            return new Hit(r.id(), r.agency(), r.year(), r.region(), r.agencyType(), r.template(), score, snippets,
                    matchCount, r.figures(), r.failedChecks(), r.agencyKey(), r.derivedFigures());
        }
    }

    /** A facet value with its count; region values carry their children (province > city > county). */
    public record FacetValue(String value, long count, List<FacetValue> children) {
    }

    /**
     * An aggregate of a figure over reports that have it. For a derived ratio ({@code disclosure_rate} …) {@code mean}
     * is NOT the mean of the reports' ratios but Σ numerator / Σ denominator (+ the ratio's offset, −1 for a growth):
     * the rate of the group as if it were one agency; {@code numeratorSum} and {@code denominatorSum} say from what.
     * They are null for a read figure.
     */
    public record Summary(long count, double sum, Double min, Double max, Double mean,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Double numeratorSum,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Double denominatorSum) {

        public Summary(long count, double sum, Double min, Double max, Double mean) {
            this(count, sum, min, max, mean, null, null);
        }
    }

    public record Bucket(String value, Summary summary) {
    }

    public record Stats(String field, String by, Summary overall, List<Bucket> buckets) {
    }
}
