package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;

/** Analyzer of the exact-phrase fields: {@link ExactPhraseTokenizer}, nothing else (no lowercasing, no stop words). */
public final class ExactPhraseAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new ExactPhraseTokenizer());
    }
}
