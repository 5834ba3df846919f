package org.disclosuresearch.cli;

import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.BackendProvider;
import org.disclosuresearch.backend.Backends;
import org.disclosuresearch.pipeline.AgencyOverrides;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.pipeline.IndexSummary;
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

    /** Brings the backend in line with {@code docs}, showing progress on {@code err}. */
    static IndexSummary update(Path docs, BackendOptions backend, IndexerConfig config, PrintStream err)
            throws IOException {
        return update(docs, backend, config, false, err);
    }

    /** @param rebuild drop what the index holds and index every file again */
    static IndexSummary update(Path docs, BackendOptions backend, IndexerConfig config, boolean rebuild,
                               PrintStream err) throws IOException {
        BackendProvider provider = Backends.provider(backend);
        try (ReportSink sink = provider.openSink(backend, rebuild)) {
            return new CorpusPipeline(sink, config, provider.excludedFromCorpus(backend)).update(List.of(docs),
                    progress(err, "files"));
        } finally {
            err.println(); // ends the progress line, also when the run failed
        }
    }

    /**
     * Loads the parsed reports of a JSON Lines file into the backend, keyed by {@code rules} (null: the agencies.csv
     * rules the backend recorded), showing progress on {@code err}.
     */
    static IndexSummary load(Path jsonl, AgencyOverrides rules, BackendOptions backend, IndexerConfig config,
                             PrintStream err) throws IOException {
        BackendProvider provider = Backends.provider(backend);
        try (ReportSink sink = provider.openSink(backend, false)) {
            return new CorpusPipeline(sink, config, provider.excludedFromCorpus(backend)).loadJsonLines(jsonl, rules,
                    progress(err, "reports"));
        } finally {
            err.println();
        }
    }

    private static IndexProgress progress(PrintStream err, String what) {
        return (done, total, rate) -> err.printf(Locale.ROOT, "\rindexing: %d/%d %s, %.1f reports/s   ", done, total,
                what, rate);
    }

    static String summary(IndexSummary summary, BackendOptions backend) {
        return String.format(Locale.ROOT, "indexed %d, unchanged %d, deleted %d, failed %d, relinked %d in %.1f s "
                        + "(%.1f reports/s) -> %s", summary.indexed(), summary.unchanged(), summary.deleted(),
                summary.failed().size(), summary.relinked(), summary.millis() / 1000.0, summary.reportsPerSecond(),
                backend.location());
    }

    /** One line per failed file; beyond {@code max}, a count (a server log need not list a whole broken corpus). */
    static void printFailures(IndexSummary summary, PrintStream err, int max) {
        summary.failed().stream().limit(max).forEach(f -> err.println("failed: [" + f.kind() + "] " + f.reason()));
        if (summary.failed().size() > max) {
            err.println("… and " + (summary.failed().size() - max) + " more failed files");
        }
    }
}
