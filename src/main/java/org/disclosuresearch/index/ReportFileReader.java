package org.disclosuresearch.index;

import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.report.Report;

import java.nio.file.Path;

/** Reads one corpus file into a Report with its normalized text and source info. */
@FunctionalInterface
public interface ReportFileReader {

    /** The project's parser (ingest + parse). */
    ReportFileReader DEFAULT = TextOnlyReportReader::read;

    Report read(Path file, Path root) throws DocumentProblem;
}
