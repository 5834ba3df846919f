package org.disclosuresearch.parse;

/**
 * The spec's "Normalized text": the one form that parsing, indexing and the exact-phrase search all work on.
 * <ul>
 *   <li>a run of Unicode White_Space between two Han characters (including 〇) is removed: PDF extraction breaks
 *       words across lines and some extractors space out every character;</li>
 *   <li>any other run of whitespace becomes one space; a run at the very start or end of the string is dropped,
 *       because its neighbour is unknown (a phrase {@code "申 "} must still match {@code "依申\n请"});</li>
 *   <li>full-width ASCII forms U+FF01–FF5E become half-width; the ideographic space U+3000 is whitespace.</li>
 * </ul>
 * Idempotent: {@code normalize(normalize(s)).equals(normalize(s))}.
 */
public final class Normalizer {

    private static final int FULLWIDTH_FIRST = 0xFF01;
    private static final int FULLWIDTH_LAST = 0xFF5E;
    private static final int FULLWIDTH_OFFSET = 0xFEE0;

    private Normalizer() {
    }

    public static String normalize(String text) {
        return normalize(text, null);
    }

    /**
     * The normalized text and, for each of its chars, where it came from in {@code text}: the printed text a reader
     * cites can then be marked where the engine matched the normalized text.
     *
     * @param text    the printed text
     * @param offsets {@code offsets[i]} is the index in {@code text} of the char that became normalized char {@code i}
     *                (for a space that stands for a whitespace run, the run's first char); {@code offsets[length]} is
     *                {@code text.length()}
     */
    public record Mapped(String text, int[] offsets) {
        /**
         * The printed range {@code [start, end)} of the normalized range {@code [from, to)} (to > from): each
         * normalized char stands for one printed char (a code point keeps its UTF-16 length), so the range ends one
         * after the printed char of its last; whitespace the rule removed inside it is covered.
         */
        public int[] printedRange(int from, int to) {
            return new int[]{offsets[from], offsets[to - 1] + 1};
        }
    }

    /** {@link #normalize} with the offset map back into the printed text (the same rule, the same loop). */
    public static Mapped normalizeMapped(String text) {
        if (text == null || text.isEmpty()) {
            return new Mapped("", new int[]{0});
        }
        int[] offsets = new int[text.length() + 1];
        String normalized = normalize(text, offsets);
        int[] exact = java.util.Arrays.copyOf(offsets, normalized.length() + 1);
        exact[normalized.length()] = text.length();
        return new Mapped(normalized, exact);
    }

    /** The rule, once; when {@code offsets} is given, records each output char's source index in it. */
    private static String normalize(String text, int[] offsets) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        int spaceAt = 0; // where the pending whitespace run began
        int previous = -1; // last code point written, -1 at the start
        for (int i = 0; i < text.length(); ) {
            int at = i;
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhiteSpace(cp)) {
                if (!pendingSpace) {
                    spaceAt = at;
                }
                pendingSpace = previous >= 0;
                continue;
            }
            cp = toHalfWidth(cp);
            if (pendingSpace && !(isHan(previous) && isHan(cp))) {
                if (offsets != null) {
                    offsets[out.length()] = spaceAt;
                }
                out.append(' ');
            }
            pendingSpace = false;
            if (offsets != null) {
                for (int k = 0; k < Character.charCount(cp); k++) {
                    offsets[out.length() + k] = at + k;
                }
            }
            out.appendCodePoint(cp);
            previous = cp;
        }
        return out.toString();
    }

    /** Unicode script Han (汉字, 〇, 々 …). */
    public static boolean isHan(int codePoint) {
        return codePoint >= 0 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** The Unicode White_Space property (PropList.txt), which {@link Character#isWhitespace} does not cover fully. */
    public static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    static int toHalfWidth(int cp) {
        return cp >= FULLWIDTH_FIRST && cp <= FULLWIDTH_LAST ? cp - FULLWIDTH_OFFSET : cp;
    }
}
