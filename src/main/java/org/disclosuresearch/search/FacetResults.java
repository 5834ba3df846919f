package org.disclosuresearch.search;

import org.disclosuresearch.report.ReportFacets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facets of a {@link SearchResult} from any backend's counts: every backend counts values per dimension (city and
 * county by full path), this shapes them alike (region as one tree, years newest first, the rest most frequent first).
 */
public final class FacetResults {
    private FacetResults() {
    }

    /** 重复率 bands from the lowest ("0-20" before "20-50"). */
    private static final java.util.Comparator<SearchResult.FacetValue> BAND_ORDER = java.util.Comparator.comparingInt(
            (SearchResult.FacetValue v) -> Integer.parseInt(v.value().substring(0, v.value().indexOf('-'))));

    /** @param counts dimension ({@link ReportFacets#DIMENSIONS}) → counted value → number of matching reports */
    public static Map<String, List<SearchResult.FacetValue>> of(Map<String, Map<String, Long>> counts) {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        out.put(ReportFacets.AGENCY_TYPE, FacetCounter.flat(get(counts, ReportFacets.AGENCY_TYPE)));
        out.put("region", FacetCounter.regionTree(get(counts, ReportFacets.PROVINCE), get(counts, ReportFacets.CITY),
                get(counts, ReportFacets.COUNTY)));
        out.put(ReportFacets.YEAR, FacetCounter.flat(get(counts, ReportFacets.YEAR), FacetCounter.NEWEST_FIRST));
        for (String dim : List.of(ReportFacets.TEMPLATE, ReportFacets.CHECKS, ReportFacets.FORMAT, ReportFacets.GAPS)) {
            out.put(dim, FacetCounter.flat(get(counts, dim)));
        }
        out.put(ReportFacets.COPIES, FacetCounter.flat(get(counts, ReportFacets.COPIES), BAND_ORDER));
        return out;
    }

    private static Map<String, Long> get(Map<String, Map<String, Long>> counts, String dim) {
        return counts.getOrDefault(dim, Map.of());
    }
}
