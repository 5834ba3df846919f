package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.BackendProvider;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.search.SearchBackend;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code --backend solr --zk HOST:PORT[/chroot] --collection NAME}: a SolrCloud collection through CloudSolrClient. */
public final class SolrBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return BackendOptions.SOLR;
    }

    @Override
    public SearchBackend openSearch(BackendOptions options) {
        return new SolrSearchBackend(client(options), options.collection(), true);
    }

    @Override
    public ReportSink openSink(BackendOptions options, boolean rebuild) throws IOException {
        CloudSolrClient client = client(options);
        try {
            return new SolrReportSink(client, options.collection(), true, rebuild);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * A client that follows the cluster state in ZooKeeper: it routes to live replicas and fails over to others. The
     * Apache HttpClient one (CloudLegacySolrClient), not SolrJ's default on Jetty 10: the server ({@code serve}) runs
     * on Jetty 12, whose classes have the same names, so Jetty 10 stays out of that JVM.
     */
    static CloudSolrClient client(BackendOptions options) {
        if (options.zkHost() == null || options.zkHost().isBlank()) {
            throw new IllegalArgumentException("the solr backend needs the ZooKeeper address (--zk HOST:PORT)");
        }
        String zk = options.zkHost().strip();
        int slash = zk.indexOf('/');
        String hosts = slash < 0 ? zk : zk.substring(0, slash);
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zk.substring(slash));
        return new CloudLegacySolrClient.Builder(List.of(hosts.split(",")), chroot).build();
    }

    /** The search side over an existing client (tests, the launcher). */
    public static SearchBackend search(org.apache.solr.client.solrj.SolrClient client, String collection) {
        return new SolrSearchBackend(client, collection, false);
    }

    /** The write side over an existing client (tests, the launcher). */
    public static ReportSink sink(org.apache.solr.client.solrj.SolrClient client, String collection)
            throws IOException {
        return new SolrReportSink(client, collection, false, false);
    }
}
