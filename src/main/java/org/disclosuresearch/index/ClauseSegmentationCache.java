package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The words of one clause as a segmenter found them, remembered for clauses that recur. Annual reports repeat
 * themselves: every report prints the same table labels (本机关不掌握相关政府信息, 申请人无正当理由逾期不补正 …), and
 * an agency's report repeats most of last year's. smartcn's dictionary walk is most of the cost of indexing, so
 * each recurring clause is segmented once.
 * <p>
 * Bounded: two generations of at most {@code capacity / 2} clauses each; a clause found in the older generation moves
 * to the newer one, and when the newer one is full the older one is dropped. Clauses that are long (rarely repeated,
 * and not worth the memory) are segmented every time. Thread-safe; a clause segmented twice at once is harmless.
 */
final class ClauseSegmentationCache {

    /**
     * A clause's tokens as the segmenter gave them: per token its start and end offset in the clause and its position
     * increment, three ints each in {@code spans}; its term only where it is not the clause's text between those offsets
     * (smartcn lower-cases and stems Latin words), else null, and {@code terms} itself null when every term is. Han
     * words are always their own text, so a cached clause holds one small int array instead of a String per word: this
     * made an entry about a third of what it was, and the cache several times larger in the same memory.
     */
    record Words(int[] spans, String[] terms) {
        static final Words NONE = new Words(new int[0], null);

        int size() {
            return spans.length / 3;
        }

        int start(int token) {
            return spans[3 * token];
        }

        int end(int token) {
            return spans[3 * token + 1];
        }

        int positionIncrement(int token) {
            return spans[3 * token + 2];
        }

        /** The token's term when it differs from the clause's text at its offsets, else null. */
        String replacedTerm(int token) {
            return terms == null ? null : terms[token];
        }
    }

    /**
     * Longer clauses are not kept: a long clause is almost always one report's own sentence. On the realistic 10k
     * corpus the clauses of 49–96 characters that recur were 2% of the text, worth keeping now that entries are small.
     */
    static final int MAX_CACHED_LENGTH = 96;

    private final Analyzer segmenter;
    private final int generationSize;
    private volatile Map<String, Words> newer = new ConcurrentHashMap<>();
    private volatile Map<String, Words> older = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    ClauseSegmentationCache(Analyzer segmenter, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        this.segmenter = segmenter;
        this.generationSize = capacity / 2;
    }

    /** The words of {@code clause}, from the cache when it was seen recently. */
    Words words(String field, String clause) {
        if (clause.length() > MAX_CACHED_LENGTH) {
            misses.increment();
            return segment(field, clause);
        }
        Map<String, Words> young = newer;
        Words words = young.get(clause);
        if (words == null) {
            words = older.get(clause);
            if (words == null) {
                misses.increment();
                words = segment(field, clause);
            } else {
                hits.increment();
            }
            young.put(clause, words);
            if (young.size() > generationSize) {
                rotate(young);
            }
        } else {
            hits.increment();
        }
        return words;
    }

    private synchronized void rotate(Map<String, Words> full) {
        if (newer == full) { // another thread may have rotated already
            older = full;
            newer = new ConcurrentHashMap<>();
        }
    }

    private Words segment(String field, String clause) {
        int[] spans = new int[48];
        String[] terms = null;
        int n = 0;
        try (TokenStream ts = segmenter.tokenStream(field, clause)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (3 * n + 3 > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                int start = offset.startOffset();
                int end = offset.endOffset();
                spans[3 * n] = start;
                spans[3 * n + 1] = end;
                spans[3 * n + 2] = increment.getPositionIncrement();
                if (!isTextAt(clause, start, end, term)) {
                    if (terms == null || terms.length <= n) {
                        terms = terms == null ? new String[spans.length / 3] : Arrays.copyOf(terms, spans.length / 3);
                    }
                    terms[n] = term.toString();
                }
                n++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("segmenting a clause in memory failed", e);
        }
        if (n == 0) {
            return Words.NONE;
        }
        return new Words(Arrays.copyOf(spans, 3 * n), terms == null ? null : Arrays.copyOf(terms, n));
    }

    private static boolean isTextAt(String clause, int start, int end, CharSequence term) {
        if (start < 0 || end > clause.length() || end - start != term.length()) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (clause.charAt(start + i) != term.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Clauses answered from the cache so far (the benchmark reports the share). */
    long hits() {
        return hits.sum();
    }

    /** Clauses segmented so far. */
    long misses() {
        return misses.sum();
    }
}
