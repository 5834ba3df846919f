package org.disclosuresearch.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Searchers that search the index's segments in as many slices as there are cores, on a shared pool: a query over a
 * million reports scores and counts every match, and one user's search should use the whole machine. Lucene's
 * default slicing keeps an index under 250,000 documents in one slice, which left the second core idle.
 */
final class SlicedSearcherFactory extends SearcherFactory {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Shared by every searcher of the process; daemon threads, so nothing keeps the JVM alive. */
    private static final ExecutorService POOL = CORES < 2 ? null : Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "search-slice");
        t.setDaemon(true);
        return t;
    });

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
        if (POOL == null) {
            return new IndexSearcher(reader);
        }
        return new IndexSearcher(reader, POOL) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                int docs = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
                return slices(leaves, Math.max(1, (docs + CORES - 1) / CORES), Integer.MAX_VALUE);
            }
        };
    }
}
