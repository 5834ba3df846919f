package org.disclosuresearch.search;

import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.BackendProvider;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportSink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** The embedded Lucene backend: an index folder on this machine. */
public final class EmbeddedBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return BackendOptions.EMBEDDED;
    }

    @Override
    public SearchBackend openSearch(BackendOptions options) throws IOException {
        return LuceneSearchBackend.open(options.index());
    }

    @Override
    public ReportSink openSink(BackendOptions options, boolean rebuild) throws IOException {
        return new Indexer(options.index(), IndexerConfig.defaults(), rebuild);
    }

    @Override
    public Set<Path> excludedFromCorpus(BackendOptions options) {
        return Set.of(options.index());
    }
}
