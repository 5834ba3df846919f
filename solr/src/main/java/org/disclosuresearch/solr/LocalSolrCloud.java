package org.disclosuresearch.solr;

import org.apache.solr.cloud.MiniSolrCloudCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A local SolrCloud for trying the solr backend without a Solr install: real Solr nodes and an embedded ZooKeeper in
 * one JVM (MiniSolrCloudCluster), the project's configset uploaded and a collection created. Prints the ZooKeeper
 * address for {@code --backend solr --zk …}; Ctrl-C stops it (its data lives in a temporary folder).
 *
 * <p>{@code LocalSolrCloud [NODES] [COLLECTION] [SHARDS] [REPLICAS]}, defaults 2 disclosure 2 2. The system property
 * {@code disclosure.solrcloud.dir} puts its data in that folder instead (the benchmark measures the index on disk).
 */
public final class LocalSolrCloud {
    private LocalSolrCloud() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String collection = args.length > 1 ? args[1] : "disclosure";
        int shards = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int replicas = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String dir = System.getProperty("disclosure.solrcloud.dir");
        Path base = dir == null ? Files.createTempDirectory("disclosure-solrcloud")
                : Files.createDirectories(Path.of(dir).toAbsolutePath());
        Path configset = SolrCollections.configset(base.resolve("configset"));
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base.resolve("cluster"))
                .addConfig(SolrCollections.CONFIGSET, configset.resolve("conf"))
                .build();
        SolrCollections.create(cluster.getSolrClient(), collection, shards, replicas);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                System.err.println("stopping the cluster failed: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("SolrCloud: " + nodes + " nodes, collection " + collection + " (" + shards + " shards x "
                + replicas + " replicas). Use: --backend solr --zk " + cluster.getZkServer().getZkAddress()
                + " --collection " + collection + "   (Ctrl-C stops it)");
        System.out.flush();
        stopped.await();
    }
}
