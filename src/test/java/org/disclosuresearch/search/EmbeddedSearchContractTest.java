package org.disclosuresearch.search;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportSink;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract suite against the embedded Lucene index (the solr module runs it against a SolrCloud collection). */
class EmbeddedSearchContractTest extends SearchContract {

    @TempDir
    static Path indexDir;

    @Override
    protected ReportSink openSink() throws Exception {
        return new Indexer(indexDir, IndexerConfig.defaults());
    }

    @Override
    protected SearchBackend openBackend() throws Exception {
        return LuceneSearchBackend.open(indexDir);
    }
}
