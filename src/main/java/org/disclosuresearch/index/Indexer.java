package org.disclosuresearch.index;

import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Keeps a Lucene index in step with a corpus: incremental (content hash), upsert by report id, deletes reports whose
 * file is gone, parses in parallel, commits periodically so an interrupted run leaves the last commit usable.
 * One Indexer per index directory at a time (Lucene's write lock); searchers may read it meanwhile.
 */
public final class Indexer implements Closeable {

    private final Path indexDir;
    private final IndexerConfig config;

    public Indexer(Path indexDir, IndexerConfig config) throws IOException {
        this.indexDir = indexDir;
        this.config = config;
    }

    /** Brings the index in line with the files under {@code docsRoots}; never stops at a bad file. */
    public IndexSummary update(List<Path> docsRoots, IndexProgress progress) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Adds or replaces already-parsed reports (with their normalized text) and commits. */
    public IndexSummary index(Collection<Report> reports) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Removes one report by id (no commit). */
    public void delete(String id) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void commit() throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() throws IOException {
    }
}
