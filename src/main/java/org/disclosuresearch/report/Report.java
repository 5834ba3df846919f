package org.disclosuresearch.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * A parsed annual report: the keys of the spec's {@code seeds-expected.json} plus {@code id}, {@code source} and,
 * when asked for, the normalized {@code text}. Immutable; figures are kept as printed (never repaired).
 *
 * @param id           the file name without extension
 * @param file         the file name
 * @param agency       the issuing agency's full name as the report writes it
 * @param year         the year reported on, or null
 * @param published    the date at the end of the report (ISO yyyy-MM-dd), or null
 * @param template     "2021", "2019" or null when no table was recognised
 * @param region       province / city / county; never null (all-null levels when unknown)
 * @param agencyType   one value of agency-types.csv
 * @param figures      figure id to value in catalogue order: Long for counts, BigDecimal for 万元; absent when not printed
 * @param failedChecks ids of the failed checks (balance:total, row_sum:new …)
 * @param note         what the parser wants a reader to know (tables missing, glued digits …), or null
 * @param source       the source file's format, size, hash and provenance, or null
 * @param text         the normalized text (spec "Normalized text"), or null when not asked for
 */
@JsonPropertyOrder({"id", "file", "agency", "year", "published", "template", "region", "agencyType", "figures",
        "failedChecks", "note", "source", "text"})
public record Report(
        String id,
        String file,
        String agency,
        Integer year,
        String published,
        String template,
        Region region,
        String agencyType,
        Map<String, Number> figures,
        List<String> failedChecks,
        String note,
        SourceInfo source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text) {

    public Report {
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
        region = region == null ? Region.NONE : region;
    }

    public Report withText(String newText) {
        return new Report(id, file, agency, year, published, template, region, agencyType, figures, failedChecks, note,
                source, newText);
    }
}
