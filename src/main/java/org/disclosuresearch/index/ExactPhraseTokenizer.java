package org.disclosuresearch.index;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * Tokens of the exact-phrase field: for every code point at position i, the unigram (c[i]) and, stacked at the same
 * position, the bigram (c[i] c[i+1]). Every character counts — Han, digits, Latin, punctuation and the single spaces
 * the normalized text keeps — so a phrase query over these tokens matches exactly where the phrase is a substring
 * (see {@link ExactPhrase}). Offsets point into the analyzed string, so the highlighter needs no re-analysis.
 */
public final class ExactPhraseTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

    private final StringBuilder text = new StringBuilder();
    private int position; // char index of the current code point
    private boolean bigramPending;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (bigramPending) {
            bigramPending = false;
            int first = Character.charCount(text.codePointAt(position));
            int second = Character.charCount(text.codePointAt(position + first));
            term.setEmpty().append(text, position, position + first + second);
            offset.setOffset(correctOffset(position), correctOffset(position + first + second));
            posInc.setPositionIncrement(0);
            position += first;
            return true;
        }
        if (position >= text.length()) {
            return false;
        }
        int len = Character.charCount(text.codePointAt(position));
        term.setEmpty().append(text, position, position + len);
        offset.setOffset(correctOffset(position), correctOffset(position + len));
        posInc.setPositionIncrement(1);
        if (position + len < text.length()) {
            bigramPending = true;
        } else {
            position += len;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text.setLength(0);
        char[] buffer = new char[8192];
        int n;
        while ((n = input.read(buffer)) > 0) {
            text.append(buffer, 0, n);
        }
        position = 0;
        bigramPending = false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offset.setOffset(last, last);
    }
}
