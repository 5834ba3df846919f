package org.disclosuresearch.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The facet vocabulary of the request model — the dimensions a search can select and count — and the one derivation
 * of a report's facet values, which every backend indexes alike. Values within a dimension OR, dimensions AND.
 */
public final class ReportFacets {
    private ReportFacets() {
    }

    public static final String AGENCY_TYPE = "agencyType";
    public static final String PROVINCE = "province";
    public static final String CITY = "city";
    public static final String COUNTY = "county";
    public static final String YEAR = "year";
    public static final String TEMPLATE = "template";
    public static final String CHECKS = "checks";
    public static final String FORMAT = "format";
    /**
     * Whether the report's agency is missing a year between its first and last report ("yes"/"no"), set by the agency
     * linker; reports of a sink without linking have no value.
     */
    public static final String GAPS = "gaps";
    /** 重复率: the band of the report's copy share ({@link CopyShares#share()}), "0-20", "20-50", "50-80", "80-100" (%). */
    public static final String COPIES = "copies";

    /** Facet dimensions a request may select, in display order. */
    public static final List<String> DIMENSIONS =
            List.of(AGENCY_TYPE, PROVINCE, CITY, COUNTY, YEAR, TEMPLATE, CHECKS, FORMAT, GAPS, COPIES);

    /** Value of {@link #CHECKS}: "yes" when any check failed, else "no". */
    public static final String CHECKS_FAILED = "yes";
    public static final String CHECKS_PASSED = "no";
    /** Value of {@link #TEMPLATE} when no table was recognised. */
    public static final String TEMPLATE_NONE = "none";
    /** Separator of region paths in the counted values of city and county ("浙江省/温州市"). */
    public static final char PATH_SEPARATOR = '/';

    /**
     * One facet value of a report.
     *
     * @param filter what a selection matches (the name: 温州市)
     * @param count  what is counted (region levels by full path, 浙江省/温州市, so that equal names stay apart)
     */
    public record Value(String dimension, String filter, String count) {
    }

    /** The facet values of {@code report}, dimension by dimension. */
    public static List<Value> of(Report report) {
        List<Value> out = new ArrayList<>();
        if (report.year() != null) {
            out.add(new Value(YEAR, report.year().toString(), report.year().toString()));
        }
        if (report.agencyType() != null) {
            out.add(new Value(AGENCY_TYPE, report.agencyType(), report.agencyType()));
        }
        Region region = report.region();
        if (region.province() != null) {
            out.add(new Value(PROVINCE, region.province(), region.province()));
        }
        String province = region.province() == null ? "" : region.province();
        String city = region.city() == null ? "" : region.city();
        if (region.city() != null) {
            out.add(new Value(CITY, region.city(), province + PATH_SEPARATOR + city));
        }
        if (region.county() != null) {
            out.add(new Value(COUNTY, region.county(), province + PATH_SEPARATOR + city + PATH_SEPARATOR
                    + region.county()));
        }
        String template = report.template() == null ? TEMPLATE_NONE : report.template();
        out.add(new Value(TEMPLATE, template, template));
        String checks = report.failedChecks().isEmpty() ? CHECKS_PASSED : CHECKS_FAILED;
        out.add(new Value(CHECKS, checks, checks));
        if (report.source() != null && report.source().format() != null) {
            out.add(new Value(FORMAT, report.source().format(), report.source().format()));
        }
        if (report.agencyKey() != null) {
            String gaps = report.agencyMissingYears().isEmpty() ? CHECKS_PASSED : CHECKS_FAILED;
            out.add(new Value(GAPS, gaps, gaps));
        }
        if (report.copies() != null && report.copies().share() != null) {
            String band = copyBand(report.copies().share());
            out.add(new Value(COPIES, band, band));
        }
        return out;
    }

    /** The 重复率 band of a share (0–1): lower bound included, upper excluded, 100% in the last. */
    public static String copyBand(double share) {
        return share < 0.2 ? "0-20" : share < 0.5 ? "20-50" : share < 0.8 ? "50-80" : "80-100";
    }
}
