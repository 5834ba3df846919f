package org.disclosuresearch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A table read as a table (DOCX, DOC, HTML): rows of cell texts in reading order, a rectangular grid.
 * A merged cell appears once, in its first row and column; a blank cell is an empty string.
 *
 * @param rows   the cell texts, row by row
 * @param merged per position, whether it is covered by a merged cell that starts in an earlier row or column
 *               (its text is then blank): a printed empty cell counts as 0, a merged-over position counts as
 *               nothing, and only the reader that saw the spans can tell the two apart
 * @param loose  the grid was rebuilt from text (a markdown pipe table a PDF converter wrote): a row may be a
 *               fragment of a wrapped header or label, so a label with only blank cells beside it is not a row of
 *               zeros, and numbers in a row without a label belong to no known row
 */
public record TableBlock(List<List<String>> rows, List<List<Boolean>> merged, boolean loose) implements Block {
    public TableBlock {
        rows = rows.stream().map(List::copyOf).toList();
        merged = merged == null ? List.of() : merged.stream().map(List::copyOf).toList();
    }

    public TableBlock(List<List<String>> rows, List<List<Boolean>> merged) {
        this(rows, merged, false);
    }

    /** A grid without merged cells. */
    public TableBlock(List<List<String>> rows) {
        this(rows, null, false);
    }

    /** Whether the position is covered by a merged cell that starts elsewhere (false outside the grid). */
    public boolean isMerged(int row, int column) {
        if (row < 0 || row >= merged.size()) {
            return false;
        }
        List<Boolean> flags = merged.get(row);
        return column >= 0 && column < flags.size() && flags.get(column);
    }

    /** The positions of a grid that has no merged cells, for readers that build their own grids. */
    static List<List<Boolean>> noneMerged(List<List<String>> rows) {
        List<List<Boolean>> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.stream().map(c -> Boolean.FALSE).toList()));
        return out;
    }
}
