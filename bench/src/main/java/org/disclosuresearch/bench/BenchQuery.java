package org.disclosuresearch.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One query of the benchmark mix, in terms both engines can answer: disclosure-search through its
 * {@code SearchRequest}, the SQLite peer through SQL.
 *
 * @param kind   which part of the mix it belongs to
 * @param text   a word (unquoted) or a phrase (quoted in our query language), or empty for all reports
 * @param phrase whether {@code text} is an exact phrase
 * @param facets dimension to one selected value (agencyType, province, year)
 * @param figure the figure of the range filter, sort or aggregate, or null
 * @param min    lower bound of the range filter on {@code figure}, or null for none
 * @param page   1-based page of 10 results
 */
public record BenchQuery(Kind kind, String text, boolean phrase, Map<String, String> facets, String figure,
                         Double min, int page) {

    public static final int PAGE_SIZE = 10;

    public enum Kind {
        WORD("one word"),
        PHRASE("quoted phrase"),
        PHRASE_FILTERED("phrase + 3 facets + range"),
        RARE_PHRASE("rare phrase"),
        AGGREGATE("aggregate by province"),
        SORT_BY_FIGURE("sort by a figure"),
        DEEP_PAGE("deep page");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public BenchQuery {
        facets = facets == null ? Map.of() : new LinkedHashMap<>(facets);
    }

    /** The query string of our query language: a phrase in double quotes. */
    public String queryString() {
        return phrase && !text.isEmpty() ? '"' + text + '"' : text;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.name()).append(' ').append(queryString());
        facets.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        if (figure != null) {
            s.append(' ').append(figure).append(min != null ? " >= " + min : "");
        }
        if (page > 1) {
            s.append(" page ").append(page);
        }
        return s.toString();
    }
}
