package org.disclosuresearch.index;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.Reader;
import java.util.BitSet;

/**
 * Tokens of the exact-phrase fields. Every character counts — Han, digits, Latin, punctuation and the single spaces
 * the normalized text keeps — so a query over these tokens matches exactly where the phrase is a substring (see
 * {@link ExactPhrase}). Offsets point into the analyzed string: the highlighter re-tokenizes a hit and marks them.
 * <ul>
 *   <li>{@link Mode#BIGRAMS} (positions and offsets indexed): for the code point at position i the bigram
 *       (c[i] c[i+1]), and for the last code point its unigram. A phrase of two or more code points is a phrase
 *       query of bigrams. Unigrams at every position as well would double the field (they were half of its tokens)
 *       for the sake of one-character queries only.</li>
 *   <li>{@link Mode#CHARACTERS} (documents only): each distinct code point once, for one-character queries.</li>
 * </ul>
 */
public final class ExactPhraseTokenizer extends Tokenizer {

    public enum Mode { BIGRAMS, CHARACTERS }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

    private final Mode mode;
    private final StringBuilder text = new StringBuilder();
    /** Code points already emitted in {@link Mode#CHARACTERS} (cleared bit by bit: the set is large, a text is not). */
    private final BitSet seen = new BitSet();
    private int position; // char index of the current code point

    public ExactPhraseTokenizer(Mode mode) {
        this.mode = mode;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (position < text.length()) {
            int cp = text.codePointAt(position);
            int start = position;
            int len = Character.charCount(cp);
            position += len;
            if (mode == Mode.CHARACTERS) {
                if (seen.get(cp)) {
                    continue;
                }
                seen.set(cp);
            } else if (position < text.length()) {
                len += Character.charCount(text.codePointAt(position));
            }
            term.setEmpty().append(text, start, start + len);
            offset.setOffset(correctOffset(start), correctOffset(start + len));
            posInc.setPositionIncrement(1);
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        if (mode == Mode.CHARACTERS) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                seen.clear(cp);
                i += Character.charCount(cp);
            }
        }
        readAll(input, text);
        position = 0;
    }

    /** Replaces {@code into}'s content with everything {@code in} holds: both tokenizers here work on the whole text. */
    static void readAll(Reader in, StringBuilder into) throws IOException {
        into.setLength(0);
        char[] chunk = new char[8192];
        int n;
        while ((n = in.read(chunk)) > 0) {
            into.append(chunk, 0, n);
        }
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offset.setOffset(last, last);
    }
}
