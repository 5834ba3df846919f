package org.disclosuresearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out table cells that may span rows and columns (HTML rowspan/colspan, DOCX gridSpan/vMerge) as the
 * rectangular grid {@link TableBlock} promises: a merged cell's text appears once, in its first row and column,
 * and every other position it covers is an empty string marked as merged. Positions no cell reaches (a short
 * row) are marked merged too: nothing was printed there.
 */
final class GridBuilder {

    /** Spans in untrusted markup are capped: colspan="100000" must not allocate a huge grid. */
    static final int MAX_SPAN = 64;
    static final int MAX_COLUMNS = 256;

    private final List<Map<Integer, String>> rows = new ArrayList<>();
    private final Map<Long, Boolean> covered = new HashMap<>();
    private int width;

    void startRow() {
        rows.add(new HashMap<>());
    }

    /**
     * The continuation of a cell merged from the row above (DOCX vMerge, DOC vertical merges): a real cell in the
     * file, but part of the cell above in the table.
     */
    void addContinuation(int colSpan) {
        addCell(null, 1, colSpan);
    }

    void addCell(String text, int rowSpan, int colSpan) {
        if (rows.isEmpty()) {
            startRow();
        }
        int row = rows.size() - 1;
        int col = 0;
        while (covered.containsKey(key(row, col))) {
            col++;
        }
        if (col >= MAX_COLUMNS) {
            return;
        }
        int rs = clamp(rowSpan);
        int cs = Math.min(clamp(colSpan), MAX_COLUMNS - col);
        for (int r = row; r < row + rs; r++) {
            for (int c = col; c < col + cs; c++) {
                covered.put(key(r, c), Boolean.TRUE);
            }
        }
        if (text != null) {
            rows.get(row).put(col, text.strip());
        }
        width = Math.max(width, col + cs);
    }

    boolean isEmpty() {
        return rows.stream().allMatch(Map::isEmpty);
    }

    TableBlock build() {
        List<List<String>> grid = new ArrayList<>();
        List<List<Boolean>> merged = new ArrayList<>();
        for (Map<Integer, String> cells : rows) {
            List<String> row = new ArrayList<>(width);
            List<Boolean> flags = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                row.add(cells.getOrDefault(c, ""));
                flags.add(!cells.containsKey(c));
            }
            grid.add(row);
            merged.add(flags);
        }
        return new TableBlock(grid, merged);
    }

    private static int clamp(int span) {
        return Math.max(1, Math.min(span, MAX_SPAN));
    }

    private static long key(int row, int col) {
        return ((long) row << 32) | col;
    }
}
