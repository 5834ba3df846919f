package org.disclosuresearch.api;

import org.disclosuresearch.query.Highlights;

import org.disclosuresearch.parse.Normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the engine's marks from the normalized text onto the text as printed, so that a reader sees (and cites) the
 * original: paragraphs, full-width punctuation, a phrase broken over a line — marked where it stands. The engine's
 * answer is escaped HTML with {@code <mark>}; the result is the printed text escaped the same way, with the marks at
 * the printed places given by {@link Normalizer#normalizeMapped}.
 */
final class PrintedMarks {
    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private PrintedMarks() {
    }

    /**
     * @param printed     the report's printed text
     * @param highlighted its normalized text as escaped HTML with marks (the engine's whole-text highlight)
     * @return the printed text as escaped HTML with the same marks; empty if the highlight is not of this text
     */
    static Optional<String> apply(String printed, String highlighted) {
        Normalizer.Mapped mapped = Normalizer.normalizeMapped(printed);
        List<int[]> marks = new ArrayList<>();
        int length = markedRanges(highlighted, marks);
        if (length != mapped.text().length()) {
            return Optional.empty(); // another text (or a window of it): leave the page to show the engine's own
        }
        StringBuilder out = new StringBuilder(printed.length() + marks.size() * 13);
        int at = 0;
        for (int[] mark : marks) {
            int[] range = mapped.printedRange(mark[0], mark[1]);
            Highlights.escape(printed, at, range[0], out);
            out.append(OPEN);
            Highlights.escape(printed, range[0], range[1], out);
            out.append(CLOSE);
            at = range[1];
        }
        Highlights.escape(printed, at, printed.length(), out);
        return Optional.of(out.toString());
    }

    /** Reads the marks' ranges in the unescaped text into {@code marks}; returns that text's length. */
    private static int markedRanges(String html, List<int[]> marks) {
        int length = 0;
        int open = -1;
        for (int i = 0; i < html.length(); ) {
            if (html.startsWith(OPEN, i)) {
                open = length;
                i += OPEN.length();
            } else if (html.startsWith(CLOSE, i)) {
                if (open >= 0 && length > open) {
                    marks.add(new int[]{open, length});
                }
                open = -1;
                i += CLOSE.length();
            } else if (html.charAt(i) == '&') {
                int semicolon = html.indexOf(';', i);
                i = semicolon < 0 ? i + 1 : semicolon + 1; // one entity is one char of the text
                length++;
            } else {
                i++;
                length++;
            }
        }
        return length;
    }

}
