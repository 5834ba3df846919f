package org.disclosuresearch.index;

import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.ReportFacets;

import java.util.List;

/**
 * Every Lucene field name of the index, once. Figures are indexed under their catalogue id ({@code penalties},
 * {@code apps_new_total} …): ask {@link FigureCatalog} for them, never spell them here.
 */
public final class Fields {
    private Fields() {
    }

    /** Report id (file name without extension): the upsert key; also sorted doc values for tie-breaking. */
    public static final String ID = "id";
    /**
     * Normalized text, smartcn-analyzed (documents and frequencies): ranked word search. Stored in indexes written
     * before {@link #TEXT_VALUE} (read only as its fallback).
     */
    public static final String TEXT = "text";
    /** Normalized text as a compressed binary doc value (see {@link ReportTexts}): snippets and the report view. */
    public static final String TEXT_VALUE = "text_value";
    /**
     * The text as printed (stored only): the report view marks matches on it through the normalizer's offsets. Held
     * whole only by documents whose printed text the normalized text cannot give back; others hold
     * {@link #PRINTED_DELTA}.
     */
    public static final String PRINTED_TEXT = "printed_text";
    /** The printed text as its difference from the normalized text (stored only, see {@code PrintedTextDelta}). */
    public static final String PRINTED_DELTA = "printed_delta";
    /** Normalized text, exact-phrase bigrams (see {@link ExactPhraseTokenizer}) with positions, not stored. */
    public static final String TEXT_EXACT = "text_exact";
    /** Distinct characters of the normalized text, documents only: one-character exact queries. */
    public static final String TEXT_CHARACTERS = "text_chars";
    /** Agency name, smartcn-analyzed (for {@code agency:} queries). */
    public static final String AGENCY = "agency";
    /** Agency name, exact-phrase bigrams (for {@code agency:"…"}). */
    public static final String AGENCY_EXACT = "agency_exact";
    /** Distinct characters of the agency name (for {@code agency:"局"}). */
    public static final String AGENCY_CHARACTERS = "agency_chars";

    /** The characters field that answers one-character queries for an exact-phrase field. */
    public static String charactersOf(String exactField) {
        return switch (exactField) {
            case TEXT_EXACT -> TEXT_CHARACTERS;
            case AGENCY_EXACT -> AGENCY_CHARACTERS;
            default -> throw new IllegalArgumentException("not an exact-phrase field: " + exactField);
        };
    }
    /** The report as JSON without its text (stored only): shows a hit or a report without the source file. */
    public static final String REPORT_JSON = "report_json";
    /** What a page of hits shows of a report (binary doc values, see {@link HitFields}). */
    public static final String HIT = "hit";
    /**
     * Content hash of the source file: stored in indexes written before {@link #SOURCE_SHA256} (read only as their
     * fallback); the Solr backend's field of the same meaning.
     */
    public static final String SHA256 = "sha256";
    /**
     * The source file's stamp (see {@link org.disclosuresearch.pipeline.SourceStamp}): content hash (binary doc
     * values, hex), size in bytes and modification time in epoch ms (numeric doc values, -1 unknown). Doc values only,
     * so that a run reads every report's stamp without inflating stored fields, and can update it in place.
     */
    public static final String SOURCE_SHA256 = "source_sha256";
    public static final String SOURCE_SIZE = "source_size";
    public static final String SOURCE_MODIFIED = "source_modified";
    /**
     * When the report was (re)indexed, epoch milliseconds: doc values (newest first, for the feed) and stored. An
     * unchanged file is not indexed again, so the time stays that of the first indexing of its content.
     */
    public static final String INDEXED_AT = "indexed_at";
    /** The agency key (keyword): the agency view finds an agency's reports by it. */
    public static final String AGENCY_KEY = "agency_key";

    /**
     * Keys of a {@code pipeline.ReportLinker} (keyword to find the reports holding a key; sorted-set doc values to read
     * a report's keys back before it is replaced or deleted).
     */
    public static String linkKeys(String linker) {
        return "link_" + linker;
    }

    /** Numerator and denominator of a derived ratio (double doc values): aggregates are Σ numerator / Σ denominator. */
    public static String ratioNumerator(String figureId) {
        return figureId + ".num";
    }

    public static String ratioDenominator(String figureId) {
        return figureId + ".den";
    }

    /** Path of the source file inside its corpus root (stored). */
    public static final String SOURCE_PATH = "source_path";

    /**
     * Copy detection's sentence terms: one per distinct counted sentence ({@code copies.NarrativeSentences}), the year
     * (4 bytes) and the sentence hash (8 bytes), so that "which reports of this year hold this sentence" and "how many"
     * are one term lookup (not stored, documents only).
     */
    public static final String COPY_SENTENCE = "copy_sentence";
    /** The report's distinct sentence hashes, packed 8 bytes each (stored): the previous report's set, and what a change touched. */
    public static final String COPY_HASHES = "copy_hashes";
    /** The agency identity copies are grouped by: a keyword term (the agency's reports) and sorted doc values (a holder's agency). */
    public static final String COPY_AGENCY = "copy_agency";
    /** The agency's name as written (sorted doc values): names a similar report without reading its stored JSON. */
    public static final String COPY_AGENCY_NAME = "copy_agency_name";

    /** Year reported on: int point (ranges), doc values (sorting, stats), facet value. */
    public static final String YEAR = ReportFacets.YEAR;

    // Facet dimensions (the request model's vocabulary, ReportFacets): each a keyword field (filtering) plus
    // sorted-set doc values (counting).
    public static final String AGENCY_TYPE = ReportFacets.AGENCY_TYPE;
    public static final String PROVINCE = ReportFacets.PROVINCE;
    public static final String CITY = ReportFacets.CITY;
    public static final String COUNTY = ReportFacets.COUNTY;
    public static final String TEMPLATE = ReportFacets.TEMPLATE;
    public static final String CHECKS = ReportFacets.CHECKS;
    public static final String FORMAT = ReportFacets.FORMAT;
    public static final String GAPS = ReportFacets.GAPS;

    /** Doc-values field counting one facet dimension (region levels hold the full path, "浙江省/温州市"). */
    public static String facetValues(String dimension) {
        return "facet_" + dimension;
    }

    /** Separator of region paths in {@link #facetValues} of city and county. */
    public static final char PATH_SEPARATOR = ReportFacets.PATH_SEPARATOR;
}
