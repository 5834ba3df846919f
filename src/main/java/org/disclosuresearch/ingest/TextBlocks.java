package org.disclosuresearch.ingest;

import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers the readers share. */
final class TextBlocks {

    private TextBlocks() {
    }

    /** Ends the running text (if any) as a block before a table starts, so that blocks stay in reading order. */
    static void flush(StringBuilder text, List<Block> blocks) {
        String t = text.toString().strip();
        if (!t.isEmpty()) {
            blocks.add(new TextBlock(t));
        }
        text.setLength(0);
    }

    /** Compiled once: every table cell of every file goes through it. */
    private static final Pattern LAYOUT_SPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    /** A cell's text on one line: line breaks inside a cell are layout, not content. */
    static String oneLine(String cellText) {
        return cellText == null ? "" : LAYOUT_SPACE.matcher(cellText).replaceAll(" ").strip();
    }
}
