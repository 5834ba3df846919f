package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.disclosuresearch.query.WordSegmenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The index's analysis, shared by the indexer, the query builder and the highlighter. */
public final class Analyzers {
    private Analyzers() {
    }

    /**
     * Clauses whose segmentation is remembered: a thirty-second of the heap, at least 65,536 clauses. On the realistic
     * 10k corpus (740,725 distinct clauses) 65,536 clauses answered 49% of the text's characters, and a cache that
     * forgets nothing 67%; what is not answered goes through smartcn, the largest cost of indexing.
     */
    static final int CLAUSE_CACHE_CAPACITY = clauseCacheCapacity(Runtime.getRuntime().maxMemory());

    /** Heap a cached clause takes with its words (key, map entry, spans; measured, rounded up). */
    static final int BYTES_PER_CACHED_CLAUSE = 320;

    static int clauseCacheCapacity(long maxHeapBytes) {
        return (int) Math.max(65_536, Math.min(Integer.MAX_VALUE, maxHeapBytes / 32 / BYTES_PER_CACHED_CLAUSE));
    }

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

    /** The words {@link #words()} cuts a query's text into: what the query tree requires and ranks by. */
    public static WordSegmenter wordSegmenter() {
        return Analyzers::wordsOf;
    }

    private static List<String> wordsOf(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = SMARTCN.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
