package org.disclosuresearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.copies.CopyLinker;
import org.disclosuresearch.copies.NarrativeSentences;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.pipeline.ReportLinker;
import org.disclosuresearch.pipeline.ReportLinkers;
import org.disclosuresearch.pipeline.SourceStamp;
import org.disclosuresearch.report.DerivedFigures;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportFacets;
import org.disclosuresearch.report.ReportJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one mapping from a {@link Report} to a Lucene document, and back from the stored fields. */
public final class ReportDocuments {
    private ReportDocuments() {
    }

    /**
     * smartcn words: frequencies for ranking, no positions (a quoted phrase goes to the exact field, so no query reads
     * word positions; leaving them out took a tenth off indexing time) and no offsets (snippets come from the exact
     * field).
     */
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
        return toDocument(report, source, System.currentTimeMillis());
    }

    /**
     * The document of a report indexed at {@code indexedAt} (epoch ms): a report stored again for its linked values
     * keeps the time its content was first indexed, so the feed does not show it as new.
     */
    public static Document toDocument(Report report, SourceStamp source, long indexedAt) {
        if (report.id() == null || report.id().isBlank()) {
            throw new IllegalArgumentException("report without id: " + report.file());
        }
        String text = Normalizer.normalize(report.text() == null ? "" : report.text());
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, report.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(report.id())));
        doc.add(new Field(Fields.TEXT, text, WORDS));
        doc.add(new BinaryDocValuesField(Fields.TEXT_VALUE, ReportTexts.encode(text)));
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
            BytesRef delta = PrintedTextDelta.of(text, report.printedText());
            doc.add(delta == null ? new StoredField(Fields.PRINTED_TEXT, report.printedText())
                    : new StoredField(Fields.PRINTED_DELTA, delta));
        }
        if (source != null) {
            stamp(source).forEach(doc::add);
            if (source.sha256() != null) {
                // read back when the report is stored again for its linked values (the stamp's doc values are not)
                doc.add(new StoredField(Fields.SHA256, source.sha256()));
            }
        }
        doc.add(new NumericDocValuesField(Fields.INDEXED_AT, indexedAt));
        doc.add(new StoredField(Fields.INDEXED_AT, indexedAt));
        if (report.agencyKey() != null) {
            doc.add(new StringField(Fields.AGENCY_KEY, report.agencyKey(), Field.Store.NO));
        }
        for (ReportLinker linker : ReportLinkers.ALL) {
            String field = Fields.linkKeys(linker.name());
            for (String key : linker.keysOf(report)) {
                doc.add(new StringField(field, key, Field.Store.NO));
                doc.add(new SortedSetDocValuesField(field, new BytesRef(key)));
            }
        }
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
        addSentences(doc, report.withText(text));
        addDerived(doc, report);
        return doc;
    }

    /** The sentence terms and hashes copy detection looks up (a report without year is compared with nothing). */
    private static void addSentences(Document doc, Report report) {
        String agencyKey = CopyLinker.agencyKeyOf(report);
        if (agencyKey != null) {
            doc.add(new StringField(Fields.COPY_AGENCY, agencyKey, Field.Store.NO));
            doc.add(new SortedDocValuesField(Fields.COPY_AGENCY, new BytesRef(agencyKey)));
            doc.add(new SortedDocValuesField(Fields.COPY_AGENCY_NAME, new BytesRef(report.agency())));
        }
        if (report.year() == null) {
            return;
        }
        long[] hashes = NarrativeSentences.hashes(report);
        ByteBuffer packed = ByteBuffer.allocate(hashes.length * Long.BYTES);
        for (long h : hashes) {
            doc.add(new StringField(Fields.COPY_SENTENCE, sentenceTerm(report.year(), h), Field.Store.NO));
            packed.putLong(h);
        }
        doc.add(new StoredField(Fields.COPY_HASHES, new BytesRef(packed.array())));
    }

    /** The term of a sentence of a year's report: the year, then the hash, big-endian. */
    static BytesRef sentenceTerm(int year, long hash) {
        return new BytesRef(ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(year).putLong(hash).array());
    }

    /** The hashes {@link #addSentences} packed. */
    static long[] unpackHashes(BytesRef packed) {
        if (packed == null) {
            return new long[0];
        }
        ByteBuffer b = ByteBuffer.wrap(packed.bytes, packed.offset, packed.length);
        long[] out = new long[packed.length / Long.BYTES];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong();
        }
        return out;
    }

    /**
     * Derived ratios like 万元 figures (point and doc values; a report's figures are read from its JSON or hit
     * fields), plus their numerator and denominator as doc values, so that an aggregate over a group is Σ numerator /
     * Σ denominator.
     */
    private static void addDerived(Document doc, Report report) {
        for (DerivedFigures.Ratio ratio : DerivedFigures.ALL) {
            Double v = report.derivedFigures().get(ratio.id());
            double[] parts = DerivedFigures.parts(ratio, report);
            if (v == null || parts == null) {
                continue;
            }
            doc.add(new DoublePoint(ratio.id(), v));
            doc.add(new DoubleDocValuesField(ratio.id(), v));
            doc.add(new DoubleDocValuesField(Fields.ratioNumerator(ratio.id()), parts[0]));
            doc.add(new DoubleDocValuesField(Fields.ratioDenominator(ratio.id()), parts[1]));
        }
    }

    /** The source stamp of a segment's document (one document: reading many, keep one {@link SourceStamps}). */
    static SourceStamp stampOf(LeafReader leaf, int doc) throws IOException {
        return new SourceStamps(leaf).of(doc);
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

    /**
     * Each figure as a point (ranges) and doc values (sorting, stats); not stored: nothing read a figure's own stored
     * field, and a hundred of them per report were decoded with every stored read.
     */
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
            } else {
                long v = e.getValue().longValue();
                doc.add(new LongPoint(figure.id(), v));
                doc.add(new NumericDocValuesField(figure.id(), v));
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

    /** The stored fields {@link #fromStored(Document, String)} reads. */
    public static final Set<String> REPORT_FIELDS = Set.of(Fields.REPORT_JSON, Fields.PRINTED_TEXT,
            Fields.PRINTED_DELTA);

    /**
     * The report a document stores (give it {@link #REPORT_FIELDS}) with its normalized {@code text} (its text value)
     * and the printed text.
     */
    public static Report fromStored(Document stored, String text) {
        return fromStored(stored.get(Fields.REPORT_JSON), text, printedText(stored, text));
    }

    /**
     * The printed text a document stores, whole or as its difference from the document's normalized {@code text};
     * null when it has none.
     */
    static String printedText(Document stored, String text) {
        BytesRef delta = stored.getBinaryValue(Fields.PRINTED_DELTA);
        return delta == null || text == null ? stored.get(Fields.PRINTED_TEXT) : PrintedTextDelta.apply(text, delta);
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
