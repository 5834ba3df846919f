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
 */
public record TableBlock(List<List<String>> rows, List<List<Boolean>> merged) implements Block {
    public TableBlock {
        rows = rows.stream().map(List::copyOf).toList();
        merged = merged == null ? List.of() : merged.stream().map(List::copyOf).toList();
    }

    /** A grid without merged cells. */
    public TableBlock(List<List<String>> rows) {
        this(rows, null);
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
