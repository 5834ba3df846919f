package org.disclosuresearch.search;

import org.disclosuresearch.report.ReportFacets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * The facet dimensions a request can select, and the one parser of {@code DIM=VALUE} selections shared by the CLI
 * and the API. Values within a dimension OR, dimensions AND. {@code checks} is {@code yes} when any check failed.
 */
public final class FacetSelection {
    private FacetSelection() {
    }

    public static final List<String> DIMENSIONS = ReportFacets.DIMENSIONS;

    /** Dimensions of {@link SearchResult#facets()}: region is one tree (province > city > county). */
    public static final List<String> RESULT_DIMENSIONS =
            List.of("agencyType", "region", "year", "template", "checks", "format", "gaps", "copies");

    private static final String PARAMETER = "facet";

    /** Parses {@code DIM=VALUE} (or {@code DIM:VALUE}) selections into dimension → values. */
    public static Map<String, List<String>> parse(List<String> selections) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (selections == null) {
            return out;
        }
        for (String s : selections) {
            int eq = s.indexOf('=');
            int colon = s.indexOf(':');
            int cut = eq >= 0 && (colon < 0 || eq < colon) ? eq : colon;
            if (cut <= 0 || cut == s.length() - 1) {
                throw new InvalidRequestException(PARAMETER, "malformed facet selection '" + s
                        + "', expected DIM=VALUE with DIM one of " + DIMENSIONS);
            }
            String dim = s.substring(0, cut).trim();
            requireDimension(dim);
            out.computeIfAbsent(dim, d -> new ArrayList<>()).add(s.substring(cut + 1).trim());
        }
        return out;
    }

    public static void requireDimension(String dim) {
        if (!DIMENSIONS.contains(dim)) {
            throw new InvalidRequestException(PARAMETER,
                    "unknown facet dimension '" + dim + "', expected one of " + DIMENSIONS);
        }
    }
}
