package org.disclosuresearch.backend;

import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.search.SearchBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * One kind of backend: how to open its search side and its write side. The embedded backend is built in; others
 * (Solr, in its own module) are found with {@link java.util.ServiceLoader} when their jar is on the class path.
 */
public interface BackendProvider {

    /** The {@code --backend} name. */
    String name();

    SearchBackend openSearch(BackendOptions options) throws IOException;

    /** @param rebuild start from an empty store, whatever it holds (the way out of a damaged index) */
    ReportSink openSink(BackendOptions options, boolean rebuild) throws IOException;

    /** Folders a corpus walk must skip for this backend (the embedded index kept inside the corpus). */
    default Set<Path> excludedFromCorpus(BackendOptions options) {
        return Set.of();
    }
}
