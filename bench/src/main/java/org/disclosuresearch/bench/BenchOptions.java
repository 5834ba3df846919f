package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.Repetition;
import org.disclosuresearch.synthetic.SyntheticReportGenerator;
import java.nio.file.Path;
import java.util.List;

/**
 * What one benchmark run does; the {@code bench} command and the tests build it.
 *
 * @param out        working folder: corpus, indexes, SQLite files, per-size results (reused by the next run)
 * @param sizes      corpus sizes, each a multiple of {@link SyntheticCorpus#FOLDER}
 * @param seed       corpus seed
 * @param queries    query timing settings
 * @param http       HTTP load settings, or null to skip the HTTP part
 * @param peer       whether to build and time the SQLite FTS5 peer
 * @param fresh      whether to discard earlier results, indexes and peer databases (never the corpus)
 * @param markdown   where to write the table
 * @param json       where to write the same figures as JSON
 * @param discard    whether to delete a size's index and SQLite file once it is measured (saves disk at 1M)
 * @param crawledShare share of the corpus written as crawled portal pages (one line, glued cells), 0 to 1
 * @param solr       whether to measure disclosure-search on SolrCloud and stock Solr (smartcn) on a local Solr node
 * @param solrHeap   -Xmx of the Solr node's JVM
 * @param solrClasspath the solr module's class path file (solr/target/classpath.txt) the node runs on
 * @param repetition how often the synthetic narrative repeats clauses (the corpus folder holds one setting)
 * @param phases     which of the optional phases run
 */
public record BenchOptions(Path out, List<Long> sizes, long seed, QueryBench.Settings queries, HttpLoad.Settings http,
                           boolean peer, boolean fresh, Path markdown, Path json, boolean discard, double crawledShare,
                           boolean solr, String solrHeap, Path solrClasspath, Repetition repetition, Phases phases) {

    /**
     * The optional phases, so that a long run does only what it needs.
     *
     * @param queries     time the repeated query stream
     * @param coldPerKind distinct never-seen queries timed once each per kind (cold), 0 to skip
     * @param parse       the one-thread parse pass (parse throughput, phrase recall); the SQLite peer and the Solr
 *                    engines still need it where they run
 * @param startup     time a no-op {@code index} run over the unchanged corpus and a new server's first answer
         * @param peerMaxSize the largest size at which the SQLite peer is built and timed (when {@code peer})
     */
    public record Phases(boolean queries, int coldPerKind, boolean parse, boolean startup, long peerMaxSize) {
        public Phases {
            if (coldPerKind < 0) {
                throw new IllegalArgumentException("--cold-queries must be at least 0, got " + coldPerKind);
            }
        }

        public static Phases all() {
            return new Phases(true, DEFAULT_COLD_PER_KIND, true, true, Long.MAX_VALUE);
        }
    }

    public static final int DEFAULT_COLD_PER_KIND = 40;

    /** Without the Solr engines, every other phase, the realistic corpus. */
    public BenchOptions(Path out, List<Long> sizes, long seed, QueryBench.Settings queries, HttpLoad.Settings http,
                        boolean peer, boolean fresh, Path markdown, Path json, boolean discard, double crawledShare) {
        this(out, sizes, seed, queries, http, peer, fresh, markdown, json, discard, crawledShare, false, "2g",
                SolrNode.defaultClasspathFile(), Repetition.REALISTIC, Phases.all());
    }

    /** Whether the SQLite peer runs at this size. */
    public boolean peerAt(long size) {
        return peer && size <= phases.peerMaxSize();
    }

    public static final long DEFAULT_SEED = 20210101L;
    public static final double DEFAULT_CRAWLED_SHARE = SyntheticReportGenerator.DEFAULT_CRAWLED_SHARE;

    public BenchOptions {
        if (!(crawledShare >= 0 && crawledShare <= 1)) {
            throw new IllegalArgumentException("--crawled-share must be between 0 and 1, got " + crawledShare);
        }
        sizes = List.copyOf(sizes);
        java.util.Objects.requireNonNull(repetition, "repetition");
        java.util.Objects.requireNonNull(phases, "phases");
        for (long s : sizes) {
            if (s <= 0 || s % SyntheticCorpus.FOLDER != 0) {
                throw new IllegalArgumentException("--sizes: each size must be a positive multiple of "
                        + SyntheticCorpus.FOLDER + ", got " + s);
            }
        }
    }

    /** The command line that repeats this run. */
    public String commandLine() {
        StringBuilder c = new StringBuilder("java -jar bench/target/disclosure-search-bench.jar --sizes ");
        c.append(String.join(",", sizes.stream().map(String::valueOf).toList()));
        c.append(" --out ").append(out).append(" --seed ").append(seed).append(" --crawled-share ").append(crawledShare)
                .append(" --repetition ").append(repetition.name().toLowerCase(java.util.Locale.ROOT));
        c.append(" --warmup ").append(queries.warmupPasses()).append(" --rounds ").append(queries.rounds())
                .append(" --repeats ").append(queries.repeats());
        if (http == null) {
            c.append(" --no-http");
        } else {
            c.append(" --clients ").append(String.join(",", http.clients().stream().map(String::valueOf).toList()))
                    .append(" --http-seconds ").append(http.seconds()).append(" --server-heap ").append(http.serverHeap());
        }
        if (!peer) {
            c.append(" --no-peer");
        } else if (phases.peerMaxSize() != Long.MAX_VALUE) {
            c.append(" --peer-max-size ").append(phases.peerMaxSize());
        }
        if (!phases.queries()) {
            c.append(" --no-queries");
        }
        c.append(" --cold-queries ").append(phases.coldPerKind());
        if (!phases.parse()) {
            c.append(" --no-parse");
        }
        if (!phases.startup()) {
            c.append(" --no-startup");
        }
        if (!solr) {
            c.append(" --no-solr");
        } else {
            c.append(" --solr-heap ").append(solrHeap);
        }
        return c.toString();
    }

    /** Query settings: 2 warm-up passes, 5 rounds of 4 repeats, at most 60 s per kind. */
    public static QueryBench.Settings defaultQueries() {
        return new QueryBench.Settings(2, 5, 4, 60);
    }

    /** HTTP settings: 1, 8 and 32 clients, 3 s warm-up and 15 s measured each, server -Xmx1g. */
    public static HttpLoad.Settings defaultHttp() {
        return new HttpLoad.Settings(List.of(1, 8, 32), 3, 15, "1g");
    }
}
