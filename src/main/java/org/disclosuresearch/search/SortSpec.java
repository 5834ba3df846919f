package org.disclosuresearch.search;

import org.disclosuresearch.report.FigureCatalog;

/** Sort by {@code relevance}, {@code year} or a figure id. Reports without the sort value come last either way. */
public record SortSpec(String field, boolean descending) {
    public static final SortSpec RELEVANCE = new SortSpec("relevance", true);
    public static final String YEAR = "year";
    private static final String PARAMETER = "sort";

    public SortSpec {
        if (field == null || !(RELEVANCE_FIELD.equals(field) || YEAR.equals(field)
                || FigureCatalog.get().contains(field))) {
            throw new UnknownFigureException(PARAMETER, field, RELEVANCE_FIELD, YEAR);
        }
    }

    private static final String RELEVANCE_FIELD = "relevance";

    public boolean isRelevance() {
        return RELEVANCE_FIELD.equals(field);
    }

    /**
     * Parses {@code FIELD}, {@code FIELD:asc} or {@code FIELD:desc}. Without a direction: relevance and figures sort
     * descending (largest first), year descending (newest first).
     */
    public static SortSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return RELEVANCE;
        }
        String s = spec.trim();
        int colon = s.lastIndexOf(':');
        String field = colon < 0 ? s : s.substring(0, colon).trim();
        boolean descending = true;
        if (colon >= 0) {
            String dir = s.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
            switch (dir) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> throw new InvalidRequestException(PARAMETER,
                        "unknown sort direction '" + dir + "' in '" + spec + "', expected asc or desc");
            }
        }
        return new SortSpec(field, descending);
    }

    @Override
    public String toString() {
        return field + ":" + (descending ? "desc" : "asc");
    }
}
