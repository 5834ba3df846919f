package org.disclosuresearch.index;

import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.parse.ReportReader;
import org.disclosuresearch.report.Report;

import java.nio.file.Path;

/** Reads one corpus file into a Report with its normalized text and source info. */
@FunctionalInterface
public interface ReportFileReader {

    /** The project's parser (ingest + parse); one reader per indexing thread, so nothing is shared between them. */
    ReportFileReader DEFAULT = new ReportFileReader() {
        private final ThreadLocal<ReportReader> perThread = ThreadLocal.withInitial(ReportReader::new);

        @Override
        public Report read(Path file, Path root) throws DocumentProblem {
            return perThread.get().read(file, root);
        }
    };

    Report read(Path file, Path root) throws DocumentProblem;
}
