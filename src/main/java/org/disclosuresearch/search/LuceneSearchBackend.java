package org.disclosuresearch.search;

import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedded Lucene backend. Reads through a SearcherManager, so searches keep working (on the last complete
 * commit) while an {@link org.disclosuresearch.index.Indexer} commits to the same directory.
 */
public final class LuceneSearchBackend implements SearchBackend {

    private LuceneSearchBackend() {
    }

    /** Opens the index in {@code indexDir}; an empty index is created when there is none yet. */
    public static LuceneSearchBackend open(Path indexDir) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Makes the latest commit visible to later searches (searches also refresh on their own, at most once a second). */
    public void refresh() throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public SearchResult search(SearchRequest request) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public Optional<Report> report(String id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void export(SearchRequest request, Consumer<Report> sink) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public long size() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() throws IOException {
    }
}
