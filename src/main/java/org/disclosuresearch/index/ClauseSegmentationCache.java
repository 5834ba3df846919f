package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    /** A clause's tokens: terms with offsets into the clause and position increments, as the segmenter gave them. */
    record Words(String[] terms, int[] starts, int[] ends, int[] positionIncrements) {
        static final Words NONE = new Words(new String[0], new int[0], new int[0], new int[0]);

        int size() {
            return terms.length;
        }
    }

    /** Longer clauses are not kept: a long clause is almost always one report's own sentence. */
    static final int MAX_CACHED_LENGTH = 48;

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
        List<String> terms = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        try (TokenStream ts = segmenter.tokenStream(field, clause)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                spans.add(new int[] {offset.startOffset(), offset.endOffset(), increment.getPositionIncrement()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("segmenting a clause in memory failed", e);
        }
        if (terms.isEmpty()) {
            return Words.NONE;
        }
        int n = terms.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] increments = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = spans.get(i)[0];
            ends[i] = spans.get(i)[1];
            increments[i] = spans.get(i)[2];
        }
        return new Words(terms.toArray(new String[0]), starts, ends, increments);
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
