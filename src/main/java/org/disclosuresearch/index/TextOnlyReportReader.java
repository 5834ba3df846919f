package org.disclosuresearch.index;

import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.ingest.Ingestor;
import org.disclosuresearch.ingest.SourceDocument;
import org.disclosuresearch.ingest.TextBlock;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** Stand-in until the parser's ReportReader is merged: text and source info only, no metadata or figures. */
final class TextOnlyReportReader {
    private TextOnlyReportReader() {
    }

    static Report read(Path file, Path root) throws DocumentProblem {
        SourceDocument doc = new Ingestor().read(file, root);
        String text = doc.blocks().stream().filter(b -> b instanceof TextBlock).map(b -> ((TextBlock) b).text())
                .collect(Collectors.joining("\n"));
        SourceInfo source = new SourceInfo(doc.relativePath(), doc.format(), doc.size(), doc.sha256(),
                doc.provenance().url(), doc.provenance().fetched());
        return new Report(doc.id(), doc.path().getFileName().toString(), null, null, null, null, null, "其他", null,
                null, null, source, Normalizer.normalize(text));
    }
}
