package org.disclosuresearch.api;

import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The demo corpus in data/sample, parsed and indexed into a temporary folder for the API and browser tests. */
final class SampleCorpus {
    static final Path DOCS = Path.of("data", "sample");

    private SampleCorpus() {
    }

    static SearchBackend open(Path tempDir) throws IOException {
        Path indexDir = tempDir.resolve("index");
        try (Indexer indexer = new Indexer(indexDir, IndexerConfig.defaults())) {
            IndexSummary summary = indexer.update(List.of(DOCS), IndexProgress.NONE);
            if (!summary.failed().isEmpty()) {
                throw new IllegalStateException("the sample corpus did not index cleanly: " + summary.failed());
            }
        }
        return LuceneSearchBackend.open(indexDir);
    }
}
