package org.disclosuresearch.solr;

import org.apache.solr.cloud.MiniSolrCloudCluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** A SolrCloud of real Solr nodes and an embedded ZooKeeper in this JVM, with the project's configset uploaded. */
final class LocalCluster {
    private LocalCluster() {
    }

    static MiniSolrCloudCluster start(int nodes) throws Exception {
        Path base = Files.createTempDirectory("disclosure-solr");
        Path configset = SolrCollections.configset(base.resolve("configset"));
        return new MiniSolrCloudCluster.Builder(nodes, base.resolve("cluster"))
                .addConfig(SolrCollections.CONFIGSET, configset.resolve("conf"))
                .build();
    }
}
