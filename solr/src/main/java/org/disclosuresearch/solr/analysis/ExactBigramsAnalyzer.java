package org.disclosuresearch.solr.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.disclosuresearch.index.ExactPhraseAnalyzer;
import org.disclosuresearch.index.ExactPhraseTokenizer;

/** The exact-phrase fields' analysis (bigrams at every position) inside Solr, as in the embedded index. */
public final class ExactBigramsAnalyzer extends DelegatingAnalyzerWrapper {
    private static final Analyzer BIGRAMS = new ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode.BIGRAMS);

    public ExactBigramsAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return BIGRAMS;
    }
}
