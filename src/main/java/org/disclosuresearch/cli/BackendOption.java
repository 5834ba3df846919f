package org.disclosuresearch.cli;

import org.disclosuresearch.backend.BackendOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --backend embedded|solr} with the Solr backend's address, shared by serve, index and search. */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "embedded|solr", defaultValue = "embedded",
            description = "where reports are searched and indexed: embedded (an index folder, the default) or solr "
                    + "(a SolrCloud collection; needs the solr module's jar)")
    String backend;

    @Option(names = "--zk", paramLabel = "HOST:PORT", description = "SolrCloud's ZooKeeper address (--backend solr)")
    String zkHost;

    @Option(names = "--collection", paramLabel = "NAME", defaultValue = "disclosure",
            description = "SolrCloud collection (--backend solr; default: ${DEFAULT-VALUE})")
    String collection;

    BackendOptions options(Path index) {
        BackendOptions options = new BackendOptions(backend, index, zkHost, collection);
        if (BackendOptions.SOLR.equals(options.kind()) && (zkHost == null || zkHost.isBlank())) {
            throw new IllegalArgumentException("--backend solr needs --zk HOST:PORT (SolrCloud's ZooKeeper)");
        }
        return options;
    }
}
