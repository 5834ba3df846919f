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
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        int previous = -1; // last code point written, -1 at the start
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhiteSpace(cp)) {
                pendingSpace = previous >= 0;
                continue;
            }
            cp = toHalfWidth(cp);
            if (pendingSpace && !(isHan(previous) && isHan(cp))) {
                out.append(' ');
            }
            pendingSpace = false;
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
