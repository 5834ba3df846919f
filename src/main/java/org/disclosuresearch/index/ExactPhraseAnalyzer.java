package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;

/**
 * Analyzer of the exact-phrase fields: {@link ExactPhraseTokenizer}, nothing else (no lowercasing, no stop words);
 * bigrams for the phrase fields, distinct characters for their {@link Fields#charactersOf} twins.
 */
public final class ExactPhraseAnalyzer extends Analyzer {
    private final ExactPhraseTokenizer.Mode mode;

    public ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode mode) {
        this.mode = mode;
    }

    /** The phrase fields' analysis (bigrams). */
    public ExactPhraseAnalyzer() {
        this(ExactPhraseTokenizer.Mode.BIGRAMS);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new ExactPhraseTokenizer(mode));
    }
}
