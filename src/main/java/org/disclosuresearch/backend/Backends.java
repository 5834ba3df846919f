package org.disclosuresearch.backend;

import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.search.SearchBackend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The backend factory: opens the search and write sides of the backend the options name. */
public final class Backends {
    private Backends() {
    }

    /** The provider named by {@code options.kind()}; a clear message when it is unknown or not in this jar. */
    public static BackendProvider provider(BackendOptions options) {
        List<String> known = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.name().equals(options.kind())) {
                return p;
            }
            known.add(p.name());
        }
        if (BackendOptions.SOLR.equals(options.kind())) {
            throw new IllegalArgumentException("the solr backend is not in this jar: run the jar the solr module "
                    + "builds (solr/target/disclosure-search-solr.jar, see README \"SolrCloud\")");
        }
        throw new IllegalArgumentException("unknown backend '" + options.kind() + "'; known: " + known);
    }

    public static SearchBackend openSearch(BackendOptions options) throws IOException {
        return provider(options).openSearch(options);
    }

    public static ReportSink openSink(BackendOptions options) throws IOException {
        return provider(options).openSink(options, false);
    }
}
