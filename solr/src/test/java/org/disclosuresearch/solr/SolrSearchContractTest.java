package org.disclosuresearch.solr;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.Backends;
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

    /** Through the backend factory's own client (by ZooKeeper address), as {@code --backend solr} opens it. */
    private BackendOptions options() {
        return new BackendOptions(BackendOptions.SOLR, null, cluster.getZkServer().getZkAddress(), COLLECTION);
    }

    @Override
    protected ReportSink openSink() throws Exception {
        cluster = LocalCluster.start(1);
        SolrCollections.create(cluster.getSolrClient(), COLLECTION, 2, 1);
        return Backends.openSink(options());
    }

    @Override
    protected SearchBackend openBackend() throws Exception {
        return Backends.openSearch(options());
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }
}
