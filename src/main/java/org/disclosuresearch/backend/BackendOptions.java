package org.disclosuresearch.backend;

import java.nio.file.Path;

/**
 * Which backend to search and index, and where it is; the CLI fills it from {@code --backend}, {@code --index},
 * {@code --zk} and {@code --collection}, tests build it directly.
 *
 * @param kind       {@code embedded} (the default) or {@code solr}
 * @param index      the embedded index's folder
 * @param zkHost     SolrCloud's ZooKeeper address (HOST:PORT[,HOST:PORT…][/chroot]), for {@code solr}
 * @param collection the SolrCloud collection, for {@code solr}
 */
public record BackendOptions(String kind, Path index, String zkHost, String collection) {
    public static final String EMBEDDED = "embedded";
    public static final String SOLR = "solr";

    public BackendOptions {
        kind = kind == null || kind.isBlank() ? EMBEDDED : kind.strip();
    }

    public static BackendOptions embedded(Path index) {
        return new BackendOptions(EMBEDDED, index, null, null);
    }

    /** Where the reports live, for messages: the index folder or the collection at its ZooKeeper. */
    public String location() {
        return EMBEDDED.equals(kind) ? String.valueOf(index) : "collection " + collection + " at " + zkHost;
    }
}
