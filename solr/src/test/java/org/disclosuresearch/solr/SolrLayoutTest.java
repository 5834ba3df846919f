package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReaderVersion;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.search.ContractCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A collection filled by an earlier release (another layout or reading of the files) is sent every report again by
 * the next update, then updates are incremental again; {@code --rebuild} drops what the collection holds.
 */
class SolrLayoutTest {
    private static final String COLLECTION = "layout";
    private static final Path SAMPLE = Path.of("../data/sample");
    private static MiniSolrCloudCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(1);
        SolrCollections.create(cluster.getSolrClient(), COLLECTION, 1, 1);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void an_earlier_layout_is_sent_again_once_and_rebuild_drops_the_rest(@TempDir Path dir) throws Exception {
        CloudSolrClient client = cluster.getSolrClient();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, docs.resolve(f.getFileName()));
            }
        }
        int reports = (int) Files.list(docs).count();

        assertEquals(reports, update(client, docs, false).indexed());
        assertEquals(ReaderVersion.marker(SolrReportSink.LAYOUT), marker(client));
        assertEquals(reports, update(client, docs, false).unchanged());

        // as a release with another reading of the files left it
        CollectionAdminRequest.setCollectionProperty(COLLECTION, SolrReportSink.LAYOUT_PROPERTY, "solr-1/reader-1")
                .process(client);
        IndexSummary again = update(client, docs, false);
        assertEquals(reports, again.indexed());
        assertEquals(0, again.unchanged());
        assertEquals(ReaderVersion.marker(SolrReportSink.LAYOUT), marker(client));
        assertEquals(reports, update(client, docs, false).unchanged());

        // a report no update of this folder would delete (loaded from parsed reports): only --rebuild drops it
        try (ReportSink sink = new SolrReportSink(client, COLLECTION, false, false)) {
            sink.upsert(ContractCorpus.load().get(0).toBuilder().id("loaded-elsewhere").build(), null);
            sink.commit(false);
        }
        assertEquals(reports + 1, SolrBackendProvider.search(client, COLLECTION).size());
        try (ReportSink sink = new SolrReportSink(client, COLLECTION, false, true)) {
            assertNull(marker(client), "an interrupted rebuild must leave the collection marked outdated");
            assertTrue(sink.outdated());
            assertTrue(sink.storedHashes().isEmpty());
            IndexSummary rebuilt = new CorpusPipeline(sink, IndexerConfig.defaults().withThreads(2), Set.of())
                    .update(List.of(docs), IndexProgress.NONE);
            assertEquals(reports, rebuilt.indexed());
            assertFalse(sink.outdated());
        }
        assertEquals(reports, SolrBackendProvider.search(client, COLLECTION).size());
    }

    private static IndexSummary update(CloudSolrClient client, Path docs, boolean rebuild) throws Exception {
        try (ReportSink sink = new SolrReportSink(client, COLLECTION, false, rebuild)) {
            IndexSummary s = new CorpusPipeline(sink, IndexerConfig.defaults().withThreads(2), Set.of())
                    .update(List.of(docs), IndexProgress.NONE);
            assertTrue(s.failed().isEmpty(), s.failed().toString());
            return s;
        }
    }

    private static String marker(CloudSolrClient client) {
        return org.apache.solr.common.cloud.ZkStateReader.from(client).getCollectionProperties(COLLECTION)
                .get(SolrReportSink.LAYOUT_PROPERTY);
    }
}
