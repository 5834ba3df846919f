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
 * @param figureEvidence how each figure was read; a figure missing here was read from its own cell
 * @param failedChecks ids of the failed checks (balance:total, row_sum:new …)
 * @param note         what the parser wants a reader to know (tables missing, glued digits …), or null
 * @param source       the source file's format, size, hash and provenance, or null
 * @param text         the normalized text (spec "Normalized text"), or null when not asked for
 * @param printedText  the text as the report prints it (paragraphs, original punctuation), of which {@code text} is
 *                     the normalization; null when not asked for or not known
 * @param agencyKey    the agency's identity across years (region code + normalized name, see
 *                     {@code parse.AgencyIdentity}; renames and {@code agencies.csv} applied), set at index time; null
 *                     before
 * @param formerAgencies names of former agencies the report says it continues (原XX局 after an institutional reform)
 * @param derivedFigures figures computed at index time, never read from the report (ratios such as 公开率, and the
 *                     growth against the agency's previous year): id of {@code DerivedFigures} to value; absent when a
 *                     denominator is 0 or absent
 * @param previous     the same agency's report of the year before, as far as this one's derived values and checks
 *                     use it (set by the agency linker after indexing), or null
 * @param earlier      when there is no {@code previous}: the same agency's latest report of an earlier year (across
 *                     renames and agencies.csv merges, set by the agency linker), which copy share (a) compares with;
 *                     null otherwise
 * @param agencyMissingYears years its agency published no report between its first and last (set with
 *                     {@code previous}); empty when none is missing
 * @param carryChecks  the failed cross-year checks ({@code carry:<col>}, also in {@code failedChecks}) with the
 *                     other report and both numbers
 * @param copies       how much of the narrative other reports hold verbatim ({@link CopyShares}), set at index time
 *                     once the whole index is known; null before
 */
@JsonPropertyOrder({"id", "file", "agency", "agencyKey", "formerAgencies", "year", "published", "template", "region",
        "agencyType", "figures", "derivedFigures", "figureEvidence", "failedChecks", "carryChecks", "previous", "earlier", "agencyMissingYears", "note", "source",
        "text", "printedText", "copies"})
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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, FigureEvidence> figureEvidence,
        List<String> failedChecks,
        String note,
        SourceInfo source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text,
        @JsonInclude(JsonInclude.Include.NON_NULL) String printedText,
        @JsonInclude(JsonInclude.Include.NON_NULL) String agencyKey,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> formerAgencies,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> derivedFigures,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CarryCheck> carryChecks,
        @JsonInclude(JsonInclude.Include.NON_NULL) PreviousReport previous,
        @JsonInclude(JsonInclude.Include.NON_NULL) EarlierReport earlier,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> agencyMissingYears,
        @JsonInclude(JsonInclude.Include.NON_NULL) CopyShares copies) {

    public Report {
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        figureEvidence = figureEvidence == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figureEvidence));
        failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
        region = region == null ? Region.NONE : region;
        formerAgencies = formerAgencies == null ? List.of() : List.copyOf(formerAgencies);
        derivedFigures = derivedFigures == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derivedFigures));
        carryChecks = carryChecks == null ? List.of() : List.copyOf(carryChecks);
        agencyMissingYears = agencyMissingYears == null ? List.of() : List.copyOf(agencyMissingYears);
    }

    /** A figure read from the report or, for a derived id, computed at index time; null when absent. */
    public Number figureOrDerived(String id) {
        Number n = figures.get(id);
        return n != null ? n : derivedFigures.get(id);
    }

    /** How the figure was read: its recorded evidence, or {@link FigureEvidence#CELL} for a figure read from its own cell. */
    public FigureEvidence evidenceOf(String figureId) {
        if (!figures.containsKey(figureId)) {
            return null;
        }
        return figureEvidence.getOrDefault(figureId, FigureEvidence.CELL);
    }

    public Report withText(String newText) {
        return toBuilder().text(newText).build();
    }

    /** This report without its normalized and printed texts (a search hit, an export row, the stored JSON). */
    public Report withoutTexts() {
        return toBuilder().text(null).printedText(null).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The one way to derive a changed copy: {@code report.toBuilder().id(x).build()}. */
    public Builder toBuilder() {
        return new Builder().id(id).file(file).agency(agency).year(year).published(published).template(template)
                .region(region).agencyType(agencyType).figures(figures).figureEvidence(figureEvidence)
                .failedChecks(failedChecks).note(note).source(source).text(text).printedText(printedText)
                .agencyKey(agencyKey).formerAgencies(formerAgencies).derivedFigures(derivedFigures)
                .carryChecks(carryChecks).previous(previous).earlier(earlier).agencyMissingYears(agencyMissingYears)
                .copies(copies);
    }

    /** Builds a {@link Report}; every component defaults to null (empty for collections). */
    public static final class Builder {
        private String id;
        private String file;
        private String agency;
        private Integer year;
        private String published;
        private String template;
        private Region region;
        private String agencyType;
        private Map<String, Number> figures;
        private Map<String, FigureEvidence> figureEvidence;
        private List<String> failedChecks;
        private String note;
        private SourceInfo source;
        private String text;
        private String printedText;
        private String agencyKey;
        private List<String> formerAgencies;
        private Map<String, Double> derivedFigures;
        private List<CarryCheck> carryChecks;
        private PreviousReport previous;
        private EarlierReport earlier;
        private List<Integer> agencyMissingYears;
        private CopyShares copies;

        private Builder() {
        }

        public Builder id(String v) { id = v; return this; }
        public Builder file(String v) { file = v; return this; }
        public Builder agency(String v) { agency = v; return this; }
        public Builder year(Integer v) { year = v; return this; }
        public Builder published(String v) { published = v; return this; }
        public Builder template(String v) { template = v; return this; }
        public Builder region(Region v) { region = v; return this; }
        public Builder agencyType(String v) { agencyType = v; return this; }
        public Builder figures(Map<String, Number> v) { figures = v; return this; }
        public Builder figureEvidence(Map<String, FigureEvidence> v) { figureEvidence = v; return this; }
        public Builder failedChecks(List<String> v) { failedChecks = v; return this; }
        public Builder note(String v) { note = v; return this; }
        public Builder source(SourceInfo v) { source = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder printedText(String v) { printedText = v; return this; }
        public Builder agencyKey(String v) { agencyKey = v; return this; }
        public Builder formerAgencies(List<String> v) { formerAgencies = v; return this; }
        public Builder derivedFigures(Map<String, Double> v) { derivedFigures = v; return this; }
        public Builder carryChecks(List<CarryCheck> v) { carryChecks = v; return this; }
        public Builder previous(PreviousReport v) { previous = v; return this; }
        public Builder earlier(EarlierReport v) { earlier = v; return this; }
        public Builder agencyMissingYears(List<Integer> v) { agencyMissingYears = v; return this; }
        public Builder copies(CopyShares v) { copies = v; return this; }

        public Report build() {
            return new Report(id, file, agency, year, published, template, region, agencyType, figures, figureEvidence,
                    failedChecks, note, source, text, printedText, agencyKey, formerAgencies, derivedFigures, carryChecks,
                    previous, earlier, agencyMissingYears, copies);
        }
    }
}
