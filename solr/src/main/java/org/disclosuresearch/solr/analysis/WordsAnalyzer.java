package org.disclosuresearch.solr.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.disclosuresearch.index.Analyzers;

/**
 * The word fields' analysis inside Solr: exactly the embedded index's (smartcn, clause by clause), so that the query
 * tree's words match the same tokens in both backends. Solr instantiates it by class name.
 */
public final class WordsAnalyzer extends DelegatingAnalyzerWrapper {
    public WordsAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return Analyzers.words();
    }
}
