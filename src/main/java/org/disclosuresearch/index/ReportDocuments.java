package org.disclosuresearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.pipeline.SourceStamp;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportFacets;
import org.disclosuresearch.report.ReportJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one mapping from a {@link Report} to a Lucene document, and back from the stored fields. */
public final class ReportDocuments {
    private ReportDocuments() {
    }

    /**
     * smartcn words: frequencies for ranking, no positions (a quoted phrase goes to the exact field, so no query reads
     * word positions; leaving them out took a tenth off indexing time) and no offsets (snippets come from the exact
     * field).
     */
    private static final FieldType STORED_WORDS = indexed(IndexOptions.DOCS_AND_FREQS, true);
    private static final FieldType WORDS = indexed(IndexOptions.DOCS_AND_FREQS, false);
    /**
     * Exact-phrase bigrams: positions for phrase queries; no offsets, since a bigram's offsets follow from its
     * position and the highlighter re-tokenizes a hit's stored text (cheap for bigrams) instead of reading them.
     */
    private static final FieldType BIGRAMS = indexed(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);
    /** Which documents hold a term, nothing more: the characters fields only answer "does it occur". */
    private static final FieldType CHARACTERS = charactersType();


    private static FieldType indexed(IndexOptions options, boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    private static FieldType charactersType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.freeze();
        return type;
    }

    /**
     * The document of a report. The text is normalized again (idempotent) so that the stored text, both text fields
     * and the exact-phrase rule all see the same string. {@code source} is the source file's stamp (may be null).
     */
    public static Document toDocument(Report report, SourceStamp source) {
        if (report.id() == null || report.id().isBlank()) {
            throw new IllegalArgumentException("report without id: " + report.file());
        }
        String text = Normalizer.normalize(report.text() == null ? "" : report.text());
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, report.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(report.id())));
        doc.add(new Field(Fields.TEXT, text, STORED_WORDS));
        doc.add(new Field(Fields.TEXT_EXACT, text, BIGRAMS));
        doc.add(new Field(Fields.TEXT_CHARACTERS, text, CHARACTERS));
        if (report.agency() != null) {
            String agency = Normalizer.normalize(report.agency());
            doc.add(new Field(Fields.AGENCY, report.agency(), WORDS));
            doc.add(new Field(Fields.AGENCY_EXACT, agency, BIGRAMS));
            doc.add(new Field(Fields.AGENCY_CHARACTERS, agency, CHARACTERS));
        }
        doc.add(new StoredField(Fields.REPORT_JSON, toJson(report.withoutTexts())));
        doc.add(new BinaryDocValuesField(Fields.HIT, HitFields.encode(HitFields.of(report))));
        if (report.printedText() != null) {
            doc.add(new StoredField(Fields.PRINTED_TEXT, report.printedText()));
        }
        if (source != null) {
            stamp(source).forEach(doc::add);
        }
        long now = System.currentTimeMillis();
        doc.add(new NumericDocValuesField(Fields.INDEXED_AT, now));
        doc.add(new StoredField(Fields.INDEXED_AT, now));
        if (report.source() != null && report.source().path() != null) {
            doc.add(new StoredField(Fields.SOURCE_PATH, report.source().path()));
        }
        if (report.year() != null) {
            doc.add(new IntPoint(Fields.YEAR, report.year()));
            doc.add(new NumericDocValuesField(Fields.YEAR, report.year()));
        }
        for (ReportFacets.Value v : ReportFacets.of(report)) {
            facet(doc, v.dimension(), v.filter(), v.count());
        }
        addFigures(doc, report.figures());
        return doc;
    }

    /** The doc values of a source stamp, as a new document holds them and as an update replaces them. */
    static List<Field> stamp(SourceStamp source) {
        String hash = source.sha256() == null ? "" : source.sha256();
        return List.of(new BinaryDocValuesField(Fields.SOURCE_SHA256, new BytesRef(hash)),
                new NumericDocValuesField(Fields.SOURCE_SIZE, source.size()),
                new NumericDocValuesField(Fields.SOURCE_MODIFIED, source.modified()));
    }

    /** A facet value: a keyword term to filter on, and doc values to count (region levels count by full path). */
    private static void facet(Document doc, String dimension, String filterValue, String countValue) {
        String field = Fields.facetValues(dimension);
        doc.add(new StringField(field, filterValue, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(field, new BytesRef(countValue)));
    }

    private static void addFigures(Document doc, Map<String, Number> figures) {
        for (Map.Entry<String, Number> e : figures.entrySet()) {
            Figure figure = FigureCatalog.get().find(e.getKey()).orElse(null);
            if (figure == null || e.getValue() == null) {
                continue; // the parser only emits catalogued ids; anything else has no field to go to
            }
            if (figure.isDecimal()) {
                double v = e.getValue().doubleValue();
                doc.add(new DoublePoint(figure.id(), v));
                doc.add(new DoubleDocValuesField(figure.id(), v));
                doc.add(new StoredField(figure.id(), v));
            } else {
                long v = e.getValue().longValue();
                doc.add(new LongPoint(figure.id(), v));
                doc.add(new NumericDocValuesField(figure.id(), v));
                doc.add(new StoredField(figure.id(), v));
            }
        }
    }

    private static String toJson(Report report) {
        try {
            return Json.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report stored in a document, figures typed as the catalogue says (Long counts, BigDecimal 万元), with
     * {@code text} when given.
     */
    public static Report fromStored(String reportJson, String text) {
        return fromStored(reportJson, text, null);
    }

    /** The report from its stored JSON, with its normalized and printed texts when they were read. */
    public static Report fromStored(String reportJson, String text, String printedText) {
        try {
            return ReportJson.read(reportJson).toBuilder().text(text).printedText(printedText).build();
        } catch (IOException e) {
            throw new UncheckedIOException("stored report is not valid JSON", e);
        }
    }
}
