package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.Repetition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench}: the whole path at given corpus sizes, side by side with SQLite FTS5, into BENCHMARKS.md and a JSON
 * file. Reuses the corpus, indexes and finished phases in {@code --out}, so an interrupted run picks up where it
 * stopped.
 */
@Command(name = "disclosure-search-bench", mixinStandardHelpOptions = true,
        description = {"Benchmark parse, index, queries and the HTTP API on a seeded synthetic corpus, side by side "
                + "with SQLite FTS5; writes BENCHMARKS.md and a JSON file of the same figures.",
                "Everything it builds stays in --out and is reused by the next run (use --fresh to re-measure)."})
public final class BenchCommand implements Callable<Integer> {

    /** {@code java -jar bench/target/disclosure-search-bench.jar [OPTIONS]}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        // SolrJ's ZooKeeper client logs every connection step at INFO: keep its warnings, not the chatter
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.zookeeper", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.solr", "warn");
        return new CommandLine(new BenchCommand()).execute(args);
    }

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "10000",
            description = "corpus sizes in reports, multiples of 100 (default: ${DEFAULT-VALUE}; the issue's: 10000,100000,1000000)")
    List<Long> sizes;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-data",
            description = "working folder: corpus, indexes, SQLite files, results (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "" + BenchOptions.DEFAULT_SEED, description = "corpus seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--crawled-share", paramLabel = "SHARE", defaultValue = "" + BenchOptions.DEFAULT_CRAWLED_SHARE,
            description = "share of the corpus written as crawled portal pages: one line, table cells glued "
                    + "(default: ${DEFAULT-VALUE})")
    double crawledShare;

    @Option(names = "--markdown", paramLabel = "FILE", description = "table output (default: OUT/BENCHMARKS.md)")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "JSON output (default: OUT/benchmarks.json)")
    Path json;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up passes over the query mix, not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "measured rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--repeats", defaultValue = "4", description = "runs of each query per round (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--max-seconds-per-kind", defaultValue = "60",
            description = "stop timing a query kind after this many seconds (at least one round) (default: ${DEFAULT-VALUE})")
    double maxSecondsPerKind;

    @Option(names = "--clients", split = ",", paramLabel = "N", defaultValue = "1,8,32", description = "HTTP client levels (default: ${DEFAULT-VALUE})")
    List<Integer> clients;

    @Option(names = "--http-seconds", defaultValue = "15", description = "measured seconds per HTTP level (default: ${DEFAULT-VALUE})")
    double httpSeconds;

    @Option(names = "--http-warmup", defaultValue = "3", description = "warm-up seconds per HTTP level (default: ${DEFAULT-VALUE})")
    double httpWarmup;

    @Option(names = "--server-heap", defaultValue = "1g", description = "-Xmx of the server JVM (default: ${DEFAULT-VALUE})")
    String serverHeap;

    @Option(names = "--no-http", description = "skip the HTTP API part")
    boolean noHttp;

    @Option(names = "--no-peer", description = "skip the SQLite FTS5 peer")
    boolean noPeer;

    @Option(names = "--no-solr", description = "skip the Solr engines (disclosure-search on SolrCloud, stock Solr with smartcn)")
    boolean noSolr;

    @Option(names = "--solr-heap", defaultValue = "2g", description = "-Xmx of the local Solr node's JVM (default: ${DEFAULT-VALUE})")
    String solrHeap;

    @Option(names = "--solr-classpath", paramLabel = "FILE",
            description = "the solr module's class path file, written by its build (default: solr/target/classpath.txt)")
    Path solrClasspath;

    @Option(names = "--repetition", paramLabel = "realistic|templates", defaultValue = "realistic",
            description = "clause repetition of the synthetic narrative: realistic (about the real reports' rate) or "
                    + "templates (the sentence templates as they are, the corpus of earlier runs) (default: ${DEFAULT-VALUE})")
    String repetition;

    @Option(names = "--no-queries", description = "skip timing the repeated query stream")
    boolean noQueries;

    @Option(names = "--cold-queries", paramLabel = "N", defaultValue = "" + BenchOptions.DEFAULT_COLD_PER_KIND,
            description = "distinct never-seen queries per kind, each timed once (cold); 0 skips (default: ${DEFAULT-VALUE})")
    int coldQueries;

    @Option(names = "--no-parse", description = "skip the one-thread parse pass and phrase recall (still run where the "
            + "SQLite peer or the Solr engines need the parsed reports)")
    boolean noParse;

    @Option(names = "--no-startup", description = "skip the no-op index run and the new server's first answer")
    boolean noStartup;

    @Option(names = "--peer-max-size", paramLabel = "N",
            description = "build and time the SQLite peer only at sizes up to N (e.g. 100000 in a 1M run)")
    Long peerMaxSize;

    @Option(names = "--discard", description = "delete each size's index and SQLite file once it is measured (disk space)")
    boolean discard;

    @Option(names = "--fresh", description = "discard earlier results, indexes and SQLite files in --out (the corpus is kept)")
    boolean fresh;

    @Override
    public Integer call() {
        BenchOptions options;
        try {
            if (rounds < 1 || repeats < 1 || warmup < 0 || httpSeconds <= 0 || httpWarmup < 0) {
                throw new IllegalArgumentException("--rounds and --repeats must be at least 1, --warmup and --http-warmup "
                        + "at least 0, --http-seconds above 0");
            }
            if (clients.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("--clients: every level must be at least 1, got " + clients);
            }
            if (!serverHeap.matches("[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("--server-heap: expected a size such as 1g or 768m, got " + serverHeap);
            }
            if (!solrHeap.matches("[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("--solr-heap: expected a size such as 2g or 768m, got " + solrHeap);
            }
            options = new BenchOptions(out, sizes, seed, new QueryBench.Settings(warmup, rounds, repeats, maxSecondsPerKind),
                    noHttp ? null : new HttpLoad.Settings(clients, httpWarmup, httpSeconds, serverHeap), !noPeer, fresh,
                    markdown != null ? markdown : out.resolve("BENCHMARKS.md"),
                    json != null ? json : out.resolve("benchmarks.json"), discard, crawledShare, !noSolr, solrHeap,
                    solrClasspath != null ? solrClasspath : SolrNode.defaultClasspathFile(), Repetition.parse(repetition),
                    new BenchOptions.Phases(!noQueries, coldQueries, !noParse, !noStartup,
                            peerMaxSize == null ? Long.MAX_VALUE : peerMaxSize));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        }
        try {
            new Benchmark(options, line -> {
                System.err.println(line);
                System.err.flush();
            }).run();
            return 0;
        } catch (Exception e) {
            System.err.println("bench: failed: " + e.getMessage() + " (finished phases are kept in " + out
                    + "/results; run the same command again to resume)");
            return 1;
        }
    }
}
