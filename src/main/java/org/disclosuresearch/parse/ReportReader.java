package org.disclosuresearch.parse;

import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.ingest.Ingestor;
import org.disclosuresearch.report.Report;

import java.nio.file.Path;

/** Reads one file into a parsed report: the {@link Ingestor} then the {@link ReportParser}. */
public final class ReportReader {

    private final Ingestor ingestor;
    private final ReportParser parser;

    public ReportReader(Ingestor ingestor, ReportParser parser) {
        this.ingestor = ingestor;
        this.parser = parser;
    }

    public ReportReader() {
        this(new Ingestor(), new ReportParser());
    }

    /**
     * @param file the report file
     * @param root the corpus root its relative path is taken from (null: the file name)
     * @return the report, with its normalized text
     * @throws DocumentProblem naming the file and why it is not a readable report
     */
    public Report read(Path file, Path root) throws DocumentProblem {
        return parser.parse(ingestor.read(file, root));
    }
}
