package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.embedded.JettySolrRunner;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.ContractCorpus;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Solr nodes, one shard with a replica on each: when a node stops, searches still answer with every report;
 * after the leader election indexing goes on; when the node comes back it recovers, and nothing indexed is lost.
 */
class SolrFailoverTest {
    private static final String COLLECTION = "failover";
    private static MiniSolrCloudCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(2);
        SolrCollections.create(cluster.getSolrClient(), COLLECTION, 1, 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void a_stopped_node_loses_no_answer_and_no_report() throws Exception {
        List<Report> corpus = ContractCorpus.load();
        List<Report> first = corpus.subList(0, corpus.size() - 40);
        List<Report> later = corpus.subList(corpus.size() - 40, corpus.size());
        CloudSolrClient client = cluster.getSolrClient();
        load(client, first);
        SearchBackend backend = SolrBackendProvider.search(client, COLLECTION);
        long phrase = backend.search(SearchRequest.of("依申请公开")).total();
        assertEquals(first.stream().filter(r -> r.text().contains("依申请公开")).count(), phrase);

        // stop the node holding the leader: the other replica takes over
        Replica leader = collection(client).getSlice("shard1").getLeader();
        JettySolrRunner stopped = cluster.getJettySolrRunners().stream()
                .filter(j -> j.getNodeName().equals(leader.getNodeName())).findFirst().orElseThrow();
        cluster.stopJettySolrRunner(stopped);
        cluster.waitForJettyToStop(stopped);
        ZkStateReader.from(client).waitForState(COLLECTION, 60, TimeUnit.SECONDS, (live, state) -> {
            Replica l = state == null ? null : state.getSlice("shard1").getLeader();
            return l != null && live.contains(l.getNodeName()) && l.getState() == Replica.State.ACTIVE;
        });
        assertEquals(first.size(), backend.size(), "every report still answers");
        assertEquals(phrase, backend.search(SearchRequest.of("依申请公开")).total());

        // indexing resumes on the new leader
        load(client, later);
        assertEquals(corpus.size(), backend.size());

        // the stopped node comes back, recovers from the leader, and holds every report itself
        cluster.startJettySolrRunner(stopped);
        cluster.waitForActiveCollection(COLLECTION, 1, 2);
        for (Replica replica : collection(client).getReplicas()) {
            try (Http2SolrClient direct = new Http2SolrClient.Builder(replica.getBaseUrl()).build()) {
                long count = direct.query(replica.getCoreName(), new SolrQuery("*:*").setRows(0)
                        .setParam("distrib", "false")).getResults().getNumFound();
                assertEquals(corpus.size(), count, "replica " + replica.getName() + " on " + replica.getNodeName());
            }
        }
        assertTrue(backend.search(SearchRequest.of("依申请公开")).total() >= phrase);
    }

    private static void load(CloudSolrClient client, List<Report> reports) throws Exception {
        try (ReportSink sink = SolrBackendProvider.sink(client, COLLECTION)) {
            IndexSummary s = new CorpusPipeline(sink, IndexerConfig.defaults().withThreads(2), Set.of()).load(reports);
            assertEquals(reports.size(), s.indexed(), s.failed().toString());
        }
    }

    private static DocCollection collection(CloudSolrClient client) {
        return client.getClusterState().getCollection(COLLECTION);
    }
}
