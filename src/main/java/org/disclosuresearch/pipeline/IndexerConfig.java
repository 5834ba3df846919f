package org.disclosuresearch.pipeline;

import java.time.Duration;

/**
 * How an {@link Indexer} runs; tests build it directly.
 *
 * @param threads          parse threads (files are parsed in parallel; the IndexWriter is shared)
 * @param commitEvery      commit after this many changed documents, so an interrupted run keeps its work
 * @param commitInterval   and at least this often while changes are pending
 * @param progressInterval how often the progress callback is called
 * @param reader           turns one corpus file into a Report (the parser, or a stand-in in tests)
 * @param followLinks      whether the corpus walk follows symbolic links that lead out of the docs folder
 * @param links            whether reports get their cross-report values (previous year, growth, carry checks, gaps,
 *                         copy shares); off only to measure what linking costs or to bulk-load fast ({@code --no-links})
 */
public record IndexerConfig(int threads, int commitEvery, Duration commitInterval, Duration progressInterval,
                            ReportFileReader reader, boolean followLinks, boolean links) {

    public IndexerConfig(int threads, int commitEvery, Duration commitInterval, Duration progressInterval,
                         ReportFileReader reader) {
        this(threads, commitEvery, commitInterval, progressInterval, reader, false, true);
    }

    public IndexerConfig(int threads, int commitEvery, Duration commitInterval, Duration progressInterval,
                         ReportFileReader reader, boolean followLinks) {
        this(threads, commitEvery, commitInterval, progressInterval, reader, followLinks, true);
    }

    public IndexerConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be at least 1, got " + commitEvery);
        }
    }

    /**
     * Parse threads = cores, commit every 20,000 reports or 30 s, progress every 2 s, the project's parser. A commit
     * flushes every in-memory segment: committing every few hundred reports made many small segments that merging
     * then rewrote again and again (see {@link Indexer}'s RAM buffer), so the interval is what bounds lost work.
     */
    public static IndexerConfig defaults() {
        return new IndexerConfig(Math.max(1, Runtime.getRuntime().availableProcessors()), 20_000,
                Duration.ofSeconds(30), Duration.ofSeconds(2), ReportFileReader.DEFAULT);
    }

    public IndexerConfig withReader(ReportFileReader newReader) {
        return new IndexerConfig(threads, commitEvery, commitInterval, progressInterval, newReader, followLinks, links);
    }

    public IndexerConfig withThreads(int newThreads) {
        return new IndexerConfig(newThreads, commitEvery, commitInterval, progressInterval, reader, followLinks, links);
    }

    public IndexerConfig withCommitEvery(int newCommitEvery) {
        return new IndexerConfig(threads, newCommitEvery, commitInterval, progressInterval, reader, followLinks, links);
    }

    public IndexerConfig withFollowLinks(boolean follow) {
        return new IndexerConfig(threads, commitEvery, commitInterval, progressInterval, reader, follow, links);
    }

    /** Without cross-report values ({@code index --no-links}): a measurement and bulk-load switch. */
    public IndexerConfig withLinks(boolean withLinks) {
        return new IndexerConfig(threads, commitEvery, commitInterval, progressInterval, reader, followLinks, withLinks);
    }
}
