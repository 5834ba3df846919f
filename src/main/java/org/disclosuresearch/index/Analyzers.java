package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.Map;

/** The index's analysis, shared by the indexer, the query builder and the highlighter. */
public final class Analyzers {
    private Analyzers() {
    }

    private static final Analyzer SMARTCN = new SmartChineseAnalyzer();
    private static final Analyzer EXACT = new ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode.BIGRAMS);
    private static final Analyzer CHARACTERS = new ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode.CHARACTERS);
    private static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(SMARTCN,
            Map.of(Fields.TEXT_EXACT, EXACT, Fields.AGENCY_EXACT, EXACT,
                    Fields.TEXT_CHARACTERS, CHARACTERS, Fields.AGENCY_CHARACTERS, CHARACTERS));

    /** smartcn word segmentation (ranked word search). */
    public static Analyzer words() {
        return SMARTCN;
    }

    /** Per field: exact-phrase analysis for the *_exact and *_chars fields, smartcn for the rest. */
    public static Analyzer perField() {
        return PER_FIELD;
    }
}
