package org.disclosuresearch.solr.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.disclosuresearch.index.ExactPhraseAnalyzer;
import org.disclosuresearch.index.ExactPhraseTokenizer;

/** The characters fields' analysis (each distinct character once) inside Solr, as in the embedded index. */
public final class ExactCharactersAnalyzer extends DelegatingAnalyzerWrapper {
    private static final Analyzer CHARACTERS = new ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode.CHARACTERS);

    public ExactCharactersAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return CHARACTERS;
    }
}
