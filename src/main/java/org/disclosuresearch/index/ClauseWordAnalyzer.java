package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * Word segmentation (smartcn) applied clause by clause, a clause being a run of letters and digits (Han included)
 * between spaces and punctuation. No dictionary word spans punctuation, so segmenting clause by clause gives the
 * words smartcn gives for the whole text except where its bigram model weighs a word against its neighbour across a
 * comma; in exchange a recurring clause is segmented once ({@link ClauseSegmentationCache}). Queries go through the
 * same analyzer, so a query word and an indexed word are always cut the same way.
 */
public final class ClauseWordAnalyzer extends Analyzer {

    private final ClauseSegmentationCache cache;

    /**
     * @param segmenter the word segmenter applied to each clause
     * @param capacity  clauses remembered at most
     */
    public ClauseWordAnalyzer(Analyzer segmenter, int capacity) {
        this.cache = new ClauseSegmentationCache(segmenter, capacity);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new ClauseTokenizer(cache, fieldName));
    }

    /** Clauses answered from the cache and clauses segmented, since this analyzer was made. */
    public record CacheCounts(long hits, long misses) {
        /** Share of clauses answered from the cache between {@code earlier} and these counts (0 when none). */
        public double hitRateSince(CacheCounts earlier) {
            long h = hits - earlier.hits;
            long all = h + misses - earlier.misses;
            return all == 0 ? 0 : (double) h / all;
        }
    }

    public CacheCounts cacheCounts() {
        return new CacheCounts(cache.hits(), cache.misses());
    }

    private static final class ClauseTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final ClauseSegmentationCache cache;
        private final String field;
        private final StringBuilder buffer = new StringBuilder();
        private String text = "";
        private int position; // where the next clause is looked for
        private ClauseSegmentationCache.Words words = ClauseSegmentationCache.Words.NONE;
        private int clauseStart;
        private int next; // next token of words
        /** Positions a removed token or a clause break leaves open before the next token. */
        private int gap;

        ClauseTokenizer(ClauseSegmentationCache cache, String field) {
            this.cache = cache;
            this.field = field;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            while (next >= words.size()) {
                if (!nextClause()) {
                    return false;
                }
            }
            int i = next++;
            int start = clauseStart + words.start(i);
            int end = clauseStart + words.end(i);
            String replaced = words.replacedTerm(i);
            if (replaced == null) {
                term.setEmpty().append(text, start, end);
            } else {
                term.setEmpty().append(replaced);
            }
            offset.setOffset(correctOffset(start), correctOffset(end));
            increment.setPositionIncrement(words.positionIncrement(i) + gap);
            gap = 0;
            return true;
        }

        private boolean nextClause() {
            int n = text.length();
            int start = position;
            while (start < n && !Character.isLetterOrDigit(text.codePointAt(start))) {
                start += Character.charCount(text.codePointAt(start));
            }
            if (start >= n) {
                position = n;
                return false;
            }
            int end = start;
            while (end < n && Character.isLetterOrDigit(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            if (start > position && position > 0) {
                gap = 1; // as smartcn leaves a position for the punctuation it drops
            }
            position = end;
            clauseStart = start;
            words = cache.words(field, text.substring(start, end));
            next = 0;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            ExactPhraseTokenizer.readAll(input, buffer);
            text = buffer.toString();
            position = 0;
            words = ClauseSegmentationCache.Words.NONE;
            next = 0;
            gap = 0;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int last = correctOffset(text.length());
            offset.setOffset(last, last);
        }
    }
}
