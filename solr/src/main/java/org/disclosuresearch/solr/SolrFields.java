package org.disclosuresearch.solr;

import org.disclosuresearch.index.Fields;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

/**
 * The collection's field names (configset {@code schema.xml}): the embedded index's names where one field does one
 * job; a facet is two fields here (Lucene keeps a filter term and differently valued doc values under one name).
 */
final class SolrFields {
    private SolrFields() {
    }

    static final String ID = Fields.ID;
    static final String TEXT = Fields.TEXT;
    static final String TEXT_EXACT = Fields.TEXT_EXACT;
    static final String TEXT_CHARACTERS = Fields.TEXT_CHARACTERS;
    static final String AGENCY = Fields.AGENCY;
    static final String AGENCY_EXACT = Fields.AGENCY_EXACT;
    static final String AGENCY_CHARACTERS = Fields.AGENCY_CHARACTERS;
    static final String REPORT_JSON = Fields.REPORT_JSON;
    /** When the sink wrote the report, epoch milliseconds (the feed's order). */
    static final String INDEXED_AT = Fields.INDEXED_AT;
    static final String SHA256 = Fields.SHA256;
    static final String SOURCE_PATH = Fields.SOURCE_PATH;
    static final String YEAR = Fields.YEAR;
    static final String SCORE = "score";
    static final String AGENCY_KEY = Fields.AGENCY_KEY;
    /** A counted sentence of a year's report ({@link #sentenceTerm}), multi-valued: the reports holding it. */
    static final String COPY_SENTENCE = Fields.COPY_SENTENCE;
    /** The report's distinct sentence hashes, stored longs in first-seen order. */
    static final String COPY_HASHES = Fields.COPY_HASHES;
    /** The agency identity copies are grouped by (indexed, stored) and the agency's name (stored). */
    static final String COPY_AGENCY = Fields.COPY_AGENCY;
    static final String COPY_AGENCY_NAME = Fields.COPY_AGENCY_NAME;

    /**
     * The term of a sentence of a year's report: the year and the hash in hex ("2022:9f…"), so a lookup names one
     * year's holders only, as the embedded index's binary term does.
     */
    static String sentenceTerm(int year, long hash) {
        return year + ":" + Long.toHexString(hash);
    }

    /** The keys of a cross-report linker (string, multi-valued, stored). */
    static String linkKeys(String linker) {
        return Fields.linkKeys(linker);
    }

    /** A derived ratio's numerator (double): aggregates are Σ numerator / Σ denominator. */
    static String ratioNumerator(String id) {
        return figure(id) + "_num";
    }

    static String ratioDenominator(String id) {
        return figure(id) + "_den";
    }

    /** The selected value of a facet dimension (a name: 温州市). */
    static String facetFilter(String dimension) {
        return "facet_" + dimension;
    }

    /** The counted value of a facet dimension (regions by full path: 浙江省/温州市). */
    static String facetCount(String dimension) {
        return "count_" + dimension;
    }

    /** A figure's field: long counts, double 万元 amounts; {@code year} is the year field. */
    static String figure(String id) {
        if (YEAR.equals(id)) {
            return YEAR;
        }
        Figure f = FigureCatalog.get().require(id);
        return (f.isDecimal() ? "figd_" : "figl_") + f.id();
    }
}
