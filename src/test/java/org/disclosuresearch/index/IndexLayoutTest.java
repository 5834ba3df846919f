package org.disclosuresearch.index;

import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.ReaderVersion;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An index written with an earlier document layout, or by an earlier reading of the files, is re-indexed in full by
 * the next update, then incremental again.
 */
class IndexLayoutTest {

    @Test
    void an_index_of_an_earlier_layout_is_rebuilt_once(@TempDir Path dir) throws Exception {
        Path docs = IndexerTest.corpus(dir);
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            assertEquals(5, indexer.update(List.of(docs), IndexProgress.NONE).indexed());
        }
        assertEquals(ReaderVersion.marker(Indexer.LAYOUT), layoutOf(index));
        try (Directory d = FSDirectory.open(index);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.perField()))) {
            // as an older version left it: the same fields, figures read by the parser before the current one
            w.setLiveCommitData(Map.of(Indexer.LAYOUT_KEY, Indexer.LAYOUT).entrySet());
            w.commit();
        }
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            IndexSummary rebuilt = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(5, rebuilt.indexed());
            assertEquals(0, rebuilt.unchanged());
        }
        assertEquals(ReaderVersion.marker(Indexer.LAYOUT), layoutOf(index));
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            assertEquals(5, indexer.update(List.of(docs), IndexProgress.NONE).unchanged());
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(5, backend.size()); // replaced, not added twice
            assertEquals(5, IndexerTest.hits(backend, "\"依申请公开\""));
        }
    }

    private static String layoutOf(Path index) throws Exception {
        try (Directory d = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(d).getUserData().get(Indexer.LAYOUT_KEY);
        }
    }
}
