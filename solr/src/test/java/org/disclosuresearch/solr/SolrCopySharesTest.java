package org.disclosuresearch.solr;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.disclosuresearch.copies.CopySeries;
import org.disclosuresearch.pipeline.AgencySeries;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
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
        update(docs, COLLECTION, IndexerConfig.defaults().withThreads(2));
    }

    private static IndexSummary update(Path docs, String collection, IndexerConfig config) throws Exception {
        try (ReportSink sink = new SolrReportSink(cluster.getSolrClient(), collection, false, false)) {
            IndexSummary s = new CorpusPipeline(sink, config, Set.of()).update(List.of(docs), IndexProgress.NONE);
            assertTrue(s.failed().isEmpty(), s.failed().toString());
            return s;
        }
    }

    private static CopyShares copies(String id) throws Exception {
        return report(COLLECTION, id).copies();
    }

    private static Report report(String collection, String id) throws Exception {
        try (SearchBackend backend = SolrBackendProvider.search(cluster.getSolrClient(), collection)) {
            return backend.report(id).orElseThrow(() -> new AssertionError(id));
        }
    }

    /**
     * As the core's RenamedCopiesTest and AgencyRulesChangeTest: the copy share (a) of a renamed agency's report comes
     * from the previous report the agency linker chose and follows that report's text; an agencies.csv row added and
     * removed re-keys and relinks reports whose files did not change (the rules kept as a collection property).
     */
    @Test
    void renamed_agencies_and_agencies_csv_changes(@TempDir Path dir) throws Exception {
        String collection = "renames";
        SolrCollections.create(cluster.getSolrClient(), collection, 2, 1);
        IndexerConfig json = AgencySeries.config();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        AgencySeries.write(docs, AgencySeries.formerAgency(AgencySeries.LAST_YEAR));
        AgencySeries.write(docs, AgencySeries.renamedAgency());
        for (Report r : AgencySeries.mergedByRule()) {
            AgencySeries.write(docs, r);
        }
        update(docs, collection, json);
        Report renamed = report(collection, "sj-2022");
        assertEquals("gs-2021", renamed.previous().id());
        assertEquals("gs-2021", renamed.copies().previous().id());
        assertEquals(0.6, renamed.copies().prevShare());
        assertNull(report(collection, "tc-2022").copies().prevShare());

        // the former agency's text changes, its linked figures do not
        String[] s = AgencySeries.LAST_YEAR;
        AgencySeries.write(docs, AgencySeries.formerAgency(s[0], s[2], s[3]));
        update(docs, collection, json);
        assertEquals(0.4, report(collection, "sj-2022").copies().prevShare());

        Path csv = docs.resolve("agencies.csv");
        Files.writeString(csv, AgencySeries.MERGE, StandardCharsets.UTF_8);
        IndexSummary added = update(docs, collection, json);
        assertEquals(0, added.indexed());
        assertEquals("350128:平潭县投资促进局", report(collection, "gz-2021").agencyKey());
        Report merged = report(collection, "tc-2022");
        assertEquals("gz-2021", merged.previous().id());
        assertEquals(0.75, merged.copies().prevShare());
        assertTrue(merged.failedChecks().contains("carry:total"), merged.failedChecks().toString());

        Files.writeString(csv, AgencySeries.RULES_HEADER, StandardCharsets.UTF_8);
        update(docs, collection, json);
        assertEquals("350128:平潭县国有资产管理局", report(collection, "gz-2021").agencyKey());
        Report apart = report(collection, "tc-2022");
        assertNull(apart.previous());
        assertNull(apart.copies().prevShare());
        assertEquals(List.of(), apart.failedChecks());
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
