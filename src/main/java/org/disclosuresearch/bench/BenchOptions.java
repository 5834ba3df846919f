package org.disclosuresearch.bench;

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
 */
public record BenchOptions(Path out, List<Long> sizes, long seed, QueryBench.Settings queries, HttpLoad.Settings http,
                           boolean peer, boolean fresh, Path markdown, Path json) {

    public static final long DEFAULT_SEED = 20210101L;

    public BenchOptions {
        sizes = List.copyOf(sizes);
        for (long s : sizes) {
            if (s <= 0 || s % SyntheticCorpus.FOLDER != 0) {
                throw new IllegalArgumentException("--sizes: each size must be a positive multiple of "
                        + SyntheticCorpus.FOLDER + ", got " + s);
            }
        }
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
