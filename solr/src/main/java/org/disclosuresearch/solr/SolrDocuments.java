package org.disclosuresearch.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.solr.common.SolrInputDocument;
import org.disclosuresearch.copies.CopyLinker;
import org.disclosuresearch.copies.NarrativeSentences;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.pipeline.ReportLinker;
import org.disclosuresearch.pipeline.ReportLinkers;
import org.disclosuresearch.report.DerivedFigures;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportFacets;

import java.io.UncheckedIOException;
import java.util.Map;

/** A Report as a collection document: the same content as the embedded index's document (ReportDocuments). */
final class SolrDocuments {
    private SolrDocuments() {
    }

    static SolrInputDocument toDocument(Report report, String sha256) {
        return toDocument(report, sha256, System.currentTimeMillis());
    }

    /** @param indexedAt when its content was first indexed (a report stored again for its linked values keeps it) */
    static SolrInputDocument toDocument(Report report, String sha256, long indexedAt) {
        if (report.id() == null || report.id().isBlank()) {
            throw new IllegalArgumentException("report without id: " + report.file());
        }
        String text = Normalizer.normalize(report.text() == null ? "" : report.text());
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(SolrFields.ID, report.id());
        doc.addField(SolrFields.TEXT, text);
        doc.addField(SolrFields.TEXT_EXACT, text);
        doc.addField(SolrFields.TEXT_CHARACTERS, text);
        if (report.agency() != null) {
            String agency = Normalizer.normalize(report.agency());
            doc.addField(SolrFields.AGENCY, report.agency());
            doc.addField(SolrFields.AGENCY_EXACT, agency);
            doc.addField(SolrFields.AGENCY_CHARACTERS, agency);
        }
        doc.addField(SolrFields.REPORT_JSON, toJson(report.withoutTexts()));
        doc.addField(SolrFields.INDEXED_AT, indexedAt);
        if (report.agencyKey() != null) {
            doc.addField(SolrFields.AGENCY_KEY, report.agencyKey());
        }
        for (ReportLinker linker : ReportLinkers.ALL) {
            for (String key : linker.keysOf(report)) {
                doc.addField(SolrFields.linkKeys(linker.name()), key);
            }
        }
        for (DerivedFigures.Ratio ratio : DerivedFigures.ALL) {
            Double v = report.derivedFigures().get(ratio.id());
            double[] parts = DerivedFigures.parts(ratio, report);
            if (v != null && parts != null) {
                doc.addField(SolrFields.figure(ratio.id()), v);
                doc.addField(SolrFields.ratioNumerator(ratio.id()), parts[0]);
                doc.addField(SolrFields.ratioDenominator(ratio.id()), parts[1]);
            }
        }
        if (sha256 != null) {
            doc.addField(SolrFields.SHA256, sha256);
        }
        if (report.source() != null && report.source().path() != null) {
            doc.addField(SolrFields.SOURCE_PATH, report.source().path());
        }
        if (report.year() != null) {
            doc.addField(SolrFields.YEAR, report.year());
        }
        for (ReportFacets.Value v : ReportFacets.of(report)) {
            doc.addField(SolrFields.facetFilter(v.dimension()), v.filter());
            doc.addField(SolrFields.facetCount(v.dimension()), v.count());
        }
        addSentences(doc, report.withText(text));
        for (Map.Entry<String, Number> e : report.figures().entrySet()) {
            Figure figure = FigureCatalog.get().find(e.getKey()).orElse(null);
            if (figure == null || e.getValue() == null) {
                continue; // the parser only emits catalogued ids
            }
            doc.addField(SolrFields.figure(figure.id()), figure.isDecimal() ? (Object) e.getValue().doubleValue()
                    : (Object) e.getValue().longValue());
        }
        return doc;
    }

    /** The sentence terms and hashes copy detection looks up (a report without year is compared with nothing). */
    private static void addSentences(SolrInputDocument doc, Report report) {
        String agencyKey = CopyLinker.agencyKeyOf(report);
        if (agencyKey != null) {
            doc.addField(SolrFields.COPY_AGENCY, agencyKey);
            doc.addField(SolrFields.COPY_AGENCY_NAME, report.agency());
        }
        if (report.year() == null) {
            return;
        }
        for (long h : NarrativeSentences.hashes(report)) {
            doc.addField(SolrFields.COPY_SENTENCE, SolrFields.sentenceTerm(report.year(), h));
            doc.addField(SolrFields.COPY_HASHES, h);
        }
    }

    private static String toJson(Report report) {
        try {
            return Json.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
