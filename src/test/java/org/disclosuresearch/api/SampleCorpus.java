package org.disclosuresearch.api;

import org.disclosuresearch.search.SearchBackend;

import java.io.IOException;
import java.nio.file.Path;

/** The demo corpus in data/sample, indexed for the API and browser tests. */
final class SampleCorpus {
    static final Path DOCS = Path.of("data", "sample");

    private SampleCorpus() {
    }

    static SearchBackend open(Path tempDir) throws IOException {
        return new SeedSearchBackend(DOCS);
    }
}
