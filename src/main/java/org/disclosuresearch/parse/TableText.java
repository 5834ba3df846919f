package org.disclosuresearch.parse;

import org.disclosuresearch.ingest.TableBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * A table grid as text, one row per line, so that the same label-based mapping reads tables and running text.
 * In a row that holds numbers, a blank cell after the row's label is a printed empty cell and counts as 0 (the
 * spec); blank cells before the label are merged label cells and vanish, and so do positions the reader marked as
 * covered by a merged cell ({@link TableBlock#isMerged}). A row with a label and only blank cells after it is a
 * value row left empty when at least two printed cells are blank (3.其他 with seven empty cells); a single trailing
 * blank is more likely the rest of a header row, and reading it as 0 could invent a figure. A blank is written as
 * {@link Segment#BLANK} so that its figure records that it was read from a blank cell (and a blank 总计 beside
 * non-zero parts stays absent). In a {@link TableBlock#loose() loose} grid (rebuilt from a markdown pipe table) a
 * label with only blanks beside it is a fragment, not a row of zeros, and numbers right after it belong to no row.
 */
final class TableText {
    /** Stands where numbers follow a label-only row of a loose grid, so that they attach to no row. */
    static final String UNKNOWN_ROW = "〔行标签不明〕";

    private TableText() {
    }

    /**
     * @param forMapping true for the figure mapping: blank value cells as 0 and one cell per line (a line break keeps
     *                   cells apart where normalization would join two Han cells); false for the searchable text,
     *                   which shows what was printed, one row per line
     */
    static String render(TableBlock table, boolean forMapping) {
        StringBuilder out = new StringBuilder();
        boolean previousLabelOnly = false;
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            List<String> cells = row.stream().map(c -> c == null ? "" : Normalizer.normalize(c)).toList();
            int labelEnd = -1;
            boolean hasNumbers = false;
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                if (cell.isEmpty()) {
                    continue;
                }
                if (Segmenter.isNumber(cell)) {
                    hasNumbers = true;
                } else {
                    labelEnd = i;
                }
            }
            int printedBlanksAfterLabel = 0;
            for (int i = labelEnd + 1; i < cells.size(); i++) {
                if (cells.get(i).isEmpty() && !table.isMerged(r, i)) {
                    printedBlanksAfterLabel++;
                }
            }
            boolean valueRow = hasNumbers || (labelEnd >= 0 && printedBlanksAfterLabel >= 2 && !table.loose());
            List<String> words = new ArrayList<>();
            if (forMapping && table.loose() && labelEnd < 0 && hasNumbers && previousLabelOnly) {
                // a label on one line and numbers on the next: which row they belong to is not certain
                words.add(UNKNOWN_ROW);
            }
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                if (!cell.isEmpty()) {
                    words.add(cell);
                } else if (forMapping && valueRow && i > labelEnd && !table.isMerged(r, i)) {
                    words.add(Segment.BLANK);
                }
            }
            previousLabelOnly = labelEnd >= 0 && !hasNumbers;
            if (!words.isEmpty()) {
                out.append(String.join(forMapping ? "\n" : " ", words)).append('\n');
            }
        }
        return out.toString();
    }
}
