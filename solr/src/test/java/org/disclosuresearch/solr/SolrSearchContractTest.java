package org.disclosuresearch.solr;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchContract;
import org.junit.jupiter.api.AfterAll;

/**
 * The contract suite against a SolrCloud collection (2 shards, so facets, aggregates and cursors are merged across
 * shards) on a real Solr node: the same corpus, the same assertions as the embedded index.
 */
class SolrSearchContractTest extends SearchContract {
    private static final String COLLECTION = "contract";
    private MiniSolrCloudCluster cluster;

    @Override
    protected ReportSink openSink() throws Exception {
        cluster = LocalCluster.start(1);
        SolrCollections.create(cluster.getSolrClient(), COLLECTION, 2, 1);
        return SolrBackendProvider.sink(cluster.getSolrClient(), COLLECTION);
    }

    @Override
    protected SearchBackend openBackend() {
        return SolrBackendProvider.search(cluster.getSolrClient(), COLLECTION);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }
}
