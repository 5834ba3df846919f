package org.disclosuresearch.parse;

import java.util.List;

/**
 * A run of label text and the numbers printed right after it: the unit a table row is read from. In every
 * layout the seeds and crawled pages show (one cell per line, tab-indented cells, values after a wrapped label, a
 * whole table glued into one line) a row's values follow its label with nothing but whitespace between them.
 *
 * @param label      the label words joined without spaces (wrapped labels read as one)
 * @param wordStarts offsets in {@code label} where a word began (a row label must start at one, or after a numbering)
 * @param values     the runs of digits as printed, in order; a printed space or a label always separates two runs,
 *                   but one run may hold several glued cells (0000000, 40000042 before "2.没有现成…" loses its 2);
 *                   {@link #BLANK} stands for a printed empty cell of a grid
 * @param unit       the unit printed right after the last value (元, 万元, 件), or "" when none
 */
record Segment(String label, List<Integer> wordStarts, List<String> values, String unit) {

    /** A printed empty cell of a grid: 0, except a blank 总计 beside non-zero parts (spec). */
    static final String BLANK = "\u2205";

    Segment {
        wordStarts = List.copyOf(wordStarts);
        values = List.copyOf(values);
        unit = unit == null ? "" : unit;
    }

    int valueCount() {
        return values.size();
    }
}
