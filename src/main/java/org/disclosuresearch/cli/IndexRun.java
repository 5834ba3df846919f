package org.disclosuresearch.cli;

import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One index run as {@code index} and {@code serve} show it: a progress line, then the summary and the failures. */
final class IndexRun {
    private IndexRun() {
    }

    /** Brings {@code index} in line with {@code docs}, showing progress on {@code err}. */
    static IndexSummary update(Path docs, Path index, IndexerConfig config, PrintStream err) throws IOException {
        try (Indexer indexer = new Indexer(index, config)) {
            return indexer.update(List.of(docs), (done, total, rate) -> err.printf(Locale.ROOT,
                    "\rindexing: %d/%d files, %.1f reports/s   ", done, total, rate));
        } finally {
            err.println(); // ends the progress line, also when the run failed
        }
    }

    /** Loads the parsed reports of a JSON Lines file into {@code index}, showing progress on {@code err}. */
    static IndexSummary load(Path jsonl, Path index, IndexerConfig config, PrintStream err) throws IOException {
        try (Indexer indexer = new Indexer(index, config)) {
            return indexer.indexJsonLines(jsonl, (done, total, rate) -> err.printf(Locale.ROOT,
                    "\rindexing: %d/%d reports, %.1f reports/s   ", done, total, rate));
        } finally {
            err.println();
        }
    }

    static String summary(IndexSummary summary, Path index) {
        return String.format(Locale.ROOT, "indexed %d, unchanged %d, deleted %d, failed %d in %.1f s "
                        + "(%.1f reports/s) -> %s", summary.indexed(), summary.unchanged(), summary.deleted(),
                summary.failed().size(), summary.millis() / 1000.0, summary.reportsPerSecond(), index);
    }

    /** One line per failed file; beyond {@code max}, a count (a server log need not list a whole broken corpus). */
    static void printFailures(IndexSummary summary, PrintStream err, int max) {
        summary.failed().stream().limit(max).forEach(f -> err.println("failed: [" + f.kind() + "] " + f.reason()));
        if (summary.failed().size() > max) {
            err.println("… and " + (summary.failed().size() - max) + " more failed files");
        }
    }
}
