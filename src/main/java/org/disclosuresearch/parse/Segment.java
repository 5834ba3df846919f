package org.disclosuresearch.parse;

import java.util.List;

/**
 * A run of label text and the numbers printed right after it: the unit a table row is read from. In every
 * layout the seeds show (one cell per line, tab-indented cells, values after a wrapped label) a row's
 * values follow its label with nothing but whitespace between them.
 *
 * @param label       the label words joined without spaces (wrapped labels read as one)
 * @param wordStarts  offsets in {@code label} where a word began (a row label must start at one, or after a numbering)
 * @param values      the numeric tokens as printed (-185, 1,193, 12.5)
 * @param gluedDigits a digit run stuck to the end of the label (行政规范性文件8855698), or null; it comes before {@code values}
 */
record Segment(String label, List<Integer> wordStarts, List<String> values, String gluedDigits) {
    Segment {
        wordStarts = List.copyOf(wordStarts);
        values = List.copyOf(values);
    }

    int valueCount() {
        return values.size() + (gluedDigits == null ? 0 : 1);
    }
}
