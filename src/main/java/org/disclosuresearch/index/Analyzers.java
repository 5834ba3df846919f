package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.Map;

/** The index's analysis, shared by the indexer, the query builder and the highlighter. */
public final class Analyzers {
    private Analyzers() {
    }

    /**
     * Clauses whose segmentation is remembered. A clause with its words takes about 0.5 KB, so this is at most ~32 MB
     * of heap (the server runs in 1 GB); measured on the benchmark corpus, it answers most clauses of a report.
     */
    static final int CLAUSE_CACHE_CAPACITY = 65_536;

    private static final ClauseWordAnalyzer SMARTCN = new ClauseWordAnalyzer(new SmartChineseAnalyzer(),
            CLAUSE_CACHE_CAPACITY);
    private static final Analyzer EXACT = new ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode.BIGRAMS);
    private static final Analyzer CHARACTERS = new ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode.CHARACTERS);
    private static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(SMARTCN,
            Map.of(Fields.TEXT_EXACT, EXACT, Fields.AGENCY_EXACT, EXACT,
                    Fields.TEXT_CHARACTERS, CHARACTERS, Fields.AGENCY_CHARACTERS, CHARACTERS));

    /** smartcn word segmentation (ranked word search), clause by clause with recurring clauses cached. */
    public static Analyzer words() {
        return SMARTCN;
    }

    /** How many clauses the word analysis took from its cache so far in this process (reported by the benchmark). */
    public static ClauseWordAnalyzer.CacheCounts wordCacheCounts() {
        return SMARTCN.cacheCounts();
    }

    /** Per field: exact-phrase analysis for the *_exact and *_chars fields, smartcn for the rest. */
    public static Analyzer perField() {
        return PER_FIELD;
    }
}
