package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped configset and collection creation with shards and replicas. */
public final class SolrCollections {
    private SolrCollections() {
    }

    /** The configset's name in ZooKeeper. */
    public static final String CONFIGSET = "disclosure-search";

    /** The configset folder (schema.xml, solrconfig.xml) copied out of this jar into {@code dir}. */
    public static Path configset(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        for (String name : new String[]{"schema.xml", "solrconfig.xml"}) {
            try (InputStream in = SolrCollections.class.getResourceAsStream("/configset/conf/" + name)) {
                if (in == null) {
                    throw new IOException("configset file " + name + " missing from the jar");
                }
                Files.copy(in, conf.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Creates {@code collection} from the uploaded configset and waits until every replica is active. */
    public static void create(SolrClient client, String collection, int shards, int replicas)
            throws IOException {
        try {
            CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, CONFIGSET,
                    shards, replicas);
            create.setWaitForFinalState(true);
            create.process(client);
        } catch (SolrServerException e) {
            throw new IOException("creating collection " + collection + " failed: " + e.getMessage(), e);
        }
    }

}
