package org.disclosuresearch.search;

import org.disclosuresearch.report.FigureCatalog;

/**
 * Aggregate a figure over the result set, overall and, when {@code by} is set, per value of a facet dimension
 * (agencyType, province, city, county, year, template, checks, format).
 */
public record StatsRequest(String field, String by) {
    private static final String PARAMETER = "stats";

    public StatsRequest {
        if (field == null || !(FigureCatalog.get().contains(field) || "year".equals(field))) {
            throw new UnknownFigureException(PARAMETER, field, "year");
        }
        if (by != null && by.isBlank()) {
            by = null;
        }
        if (by != null && !FacetSelection.DIMENSIONS.contains(by)) {
            throw new InvalidRequestException(PARAMETER,
                    "cannot break stats down by '" + by + "': use one of " + FacetSelection.DIMENSIONS);
        }
    }

    /** Parses {@code ID} or {@code ID,BY_DIMENSION}, e.g. {@code penalties,province}. */
    public static StatsRequest parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidRequestException(PARAMETER, "empty stats request, expected ID or ID,DIMENSION");
        }
        String[] parts = spec.split(",", -1);
        if (parts.length > 2) {
            throw new InvalidRequestException(PARAMETER,
                    "malformed stats request '" + spec + "', expected ID or ID,DIMENSION");
        }
        return new StatsRequest(parts[0].trim(), parts.length == 2 ? parts[1].trim() : null);
    }
}
