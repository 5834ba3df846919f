package org.disclosuresearch.solr;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.disclosuresearch.copies.CopySeries;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Copy shares follow re-indexing and deletion on a collection of two shards, as on the embedded index (the core's
 * CopySharesTest): the old version of a changed report is read before the run, the affected reports after its
 * commit. The shares of a first load are in the contract suite.
 */
class SolrCopySharesTest {
    private static final String COLLECTION = "copies";
    private static MiniSolrCloudCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(1);
        SolrCollections.create(cluster.getSolrClient(), COLLECTION, 2, 1);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private static void update(Path docs) throws Exception {
        try (ReportSink sink = new SolrReportSink(cluster.getSolrClient(), COLLECTION, false, false)) {
            IndexSummary s = new CorpusPipeline(sink, IndexerConfig.defaults().withThreads(2), Set.of())
                    .update(List.of(docs), IndexProgress.NONE);
            assertTrue(s.failed().isEmpty(), s.failed().toString());
        }
    }

    private static CopyShares copies(String id) throws Exception {
        try (SearchBackend backend = SolrBackendProvider.search(cluster.getSolrClient(), COLLECTION)) {
            return backend.report(id).orElseThrow(() -> new AssertionError(id)).copies();
        }
    }

    @Test
    void re_indexing_and_deleting_one_report_updates_the_others(@TempDir Path dir) throws Exception {
        Path docs = CopySeries.write(dir.resolve("docs"));
        update(docs);
        assertEquals(1.0, copies("a-2022").prevShare());
        assertEquals(0.8, copies("d-2022").peerShare());

        // a-2021 again with two of its four sentences: a-2022 now repeats 2 of its 4
        CopySeries.write(docs, CopySeries.report("a-2021", "乐清市统计局", CopySeries.YUEQING, 2021,
                "2021年本局主动公开政府信息共计120条，其中政策文件15条。"
                        + "本局坚持把统计数据发布作为政务公开的重点，按月发布全市主要经济指标。"));
        update(docs);
        assertEquals(0.5, copies("a-2022").prevShare());
        assertEquals(2, copies("a-2022").passages().size());

        // c-2022 deleted: d-2022's sentences are its own again
        Files.delete(docs.resolve("c-2022.txt"));
        update(docs);
        CopyShares d = copies("d-2022");
        assertEquals(0.0, d.peerShare());
        assertEquals(List.of(), d.similar());

        // a-2021 deleted: a-2022 has no previous report
        Files.delete(docs.resolve("a-2021.txt"));
        update(docs);
        CopyShares a = copies("a-2022");
        assertNull(a.previous());
        assertNull(a.prevShare());
        assertEquals(0.0, a.share());
    }
}
