package org.disclosuresearch.cli;

import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.Backends;
import org.disclosuresearch.index.IndexHealth;
import org.disclosuresearch.index.IndexUnusable;
import org.disclosuresearch.pipeline.AgencyOverrides;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code index [--docs DIR] [--index DIR]}: brings the index in line with a corpus folder, incrementally. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index the reports under a folder (incremental: unchanged files are skipped, removed files "
                + "are deleted from the index). Exit 1 when a file failed, 2 when the run could not complete.")
public final class IndexCommand implements Callable<Integer> {

    @Option(names = "--docs", paramLabel = "DIR", description = "corpus folder (default: ${DEFAULT-VALUE})",
            defaultValue = "data/sample")
    Path docs;

    @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: ${DEFAULT-VALUE})",
            defaultValue = "index")
    Path index;

    @Option(names = "--from-jsonl", paramLabel = "FILE",
            description = "load the reports that 'parse --text' printed (JSON Lines) instead of parsing --docs: "
                    + "upserts only, unchanged source hashes skipped")
    Path fromJsonl;

    @Option(names = "--agencies", paramLabel = "FILE",
            description = "with --from-jsonl: the agencies.csv whose rules key the loaded reports (and re-key the "
                    + "stored ones when they differ from the rules the index follows); without it the loaded reports "
                    + "follow the rules the index recorded. A docs folder's rules are its own agencies.csv")
    Path agencies;

    @Option(names = "--threads", paramLabel = "N", description = "parse threads (default: number of cores)")
    Integer threads;

    @Mixin
    IngestLimitsOptions limits = new IngestLimitsOptions();

    @Mixin
    BackendOption backendOption = new BackendOption();

    @Option(names = "--check", description = "verify the index (every checksum, every report read back) and name "
            + "the damaged reports; changes nothing. Exit 0 when healthy, 1 when damaged")
    boolean check;

    @Option(names = "--rebuild", description = "build the index again from --docs, dropping what it holds (the way "
            + "out of a damaged index)")
    boolean rebuild;

    @Option(names = "--no-links", description = "store reports without their cross-report values (previous year, "
            + "growth, carry checks, gaps, copy shares): to measure what linking costs, or to bulk-load fast; the next "
            + "run without it links only what that run changes")
    boolean noLinks;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (check) {
            return check(out, err);
        }
        if (agencies != null && fromJsonl == null) {
            err.println("index: --agencies applies to --from-jsonl; a docs folder's rules are its "
                    + AgencyOverrides.FILE_NAME);
            return 2;
        }
        if (agencies != null && !Files.isRegularFile(agencies)) {
            err.println("index: --agencies " + agencies + " does not exist or is not a file");
            return 2;
        }
        if (fromJsonl == null && !Files.isDirectory(docs)) {
            err.println("index: corpus folder " + docs + " does not exist or is not a folder");
            return 2;
        }
        IndexerConfig config = IndexerConfig.defaults().withReader(ReportFileReader.withLimits(limits.limits()))
                .withFollowLinks(limits.followLinks).withLinks(!noLinks);
        if (threads != null) {
            if (threads < 1) {
                err.println("index: --threads must be at least 1, got " + threads);
                return 2;
            }
            config = config.withThreads(threads);
        }
        IndexSummary summary;
        BackendOptions backend;
        try {
            backend = backendOption.options(index);
            Backends.provider(backend); // an unknown or missing backend is named before any work
        } catch (IllegalArgumentException e) {
            err.println("index: " + e.getMessage());
            return 2;
        }
        try {
            summary = fromJsonl != null ? IndexRun.load(fromJsonl,
                    agencies == null ? null : AgencyOverrides.loadFile(agencies), backend, config, err)
                    : IndexRun.update(docs, backend, config, rebuild, err);
        } catch (IndexUnusable e) {
            err.println("index: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("index: " + e.getMessage() + " (the last commit in " + backend.location()
                    + " stays usable)");
            return 2;
        }
        out.println(IndexRun.summary(summary, backend));
        IndexRun.printFailures(summary, err, Integer.MAX_VALUE);
        return summary.failed().isEmpty() ? 0 : 1;
    }

    private int check(PrintStream out, PrintStream err) {
        try {
            IndexHealth.Result result = IndexHealth.check(index);
            (result.healthy() ? out : err).println("index: " + result.describe(index));
            return result.healthy() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("index: cannot check " + index + ": " + e.getMessage());
            return 2;
        }
    }
}
