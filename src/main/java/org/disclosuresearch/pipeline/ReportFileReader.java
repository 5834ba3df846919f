package org.disclosuresearch.pipeline;

import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.ingest.IngestLimits;
import org.disclosuresearch.ingest.Ingestor;
import org.disclosuresearch.parse.ReportParser;
import org.disclosuresearch.parse.ReportReader;
import org.disclosuresearch.report.Report;

import java.nio.file.Path;

/** Reads one corpus file into a Report with its normalized text and source info. */
@FunctionalInterface
public interface ReportFileReader {

    /** The project's parser (ingest + parse) with the default read limits. */
    ReportFileReader DEFAULT = withLimits(IngestLimits.DEFAULT);

    /** The project's parser reading within {@code limits}; one reader per indexing thread, so nothing is shared. */
    static ReportFileReader withLimits(IngestLimits limits) {
        ThreadLocal<ReportReader> perThread = ThreadLocal.withInitial(
                () -> new ReportReader(new Ingestor(limits), new ReportParser()));
        return (file, root) -> perThread.get().read(file, root);
    }

    Report read(Path file, Path root) throws DocumentProblem;
}
