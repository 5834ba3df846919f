package org.disclosuresearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables inside plain text, read as grids like HTML tables: a tab or a {@code |} separates cells and an empty field
 * is a blank cell. Two kinds are recognised, each as a run of consecutive lines:
 * <ul>
 *   <li>tab-separated rows (an HTML table exported as text, one row a line): a line with at least two tabs between
 *   its first and last non-blank characters; leading tabs are merged label cells;</li>
 *   <li>markdown pipe tables ({@code | a | b |}, with or without a {@code |---|} line), as PDF-to-markdown and OCR
 *   tools write them: {@link TableBlock#loose() loose}, since their rows are often fragments of wrapped headers
 *   and labels.</li>
 * </ul>
 * A line of one cell per line indented by a tab (DOCX text) is not a table row: its layout is read as text.
 */
final class TextTables {

    private static final Pattern EDGE_SPACE = Pattern.compile("^[ \\u3000]+|[ \\u3000\\r]+$");
    private static final Pattern PIPE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern PIPE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final int MIN_TAB_CELLS = 3;

    private TextTables() {
    }

    /** The text's blocks in reading order: running text, and each run of table lines as one table. */
    static List<Block> blocks(String text) {
        if (text.indexOf('\t') < 0 && text.indexOf('|') < 0) {
            return List.of(new TextBlock(text));
        }
        List<Block> blocks = new ArrayList<>();
        StringBuilder running = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        Kind current = null;
        for (String line : text.split("\n", -1)) {
            Kind kind = kindOf(line, current);
            if (kind != current && current != null) {
                addTable(blocks, rows, current);
            }
            current = kind;
            if (kind == null) {
                running.append(line).append('\n');
                continue;
            }
            flush(running, blocks);
            if (kind == Kind.PIPES && PIPE_RULE.matcher(line).matches()) {
                continue;
            }
            rows.add(kind == Kind.PIPES ? pipeCells(line) : tabCells(line));
        }
        if (current != null) {
            addTable(blocks, rows, current);
        }
        flush(running, blocks);
        return blocks;
    }

    /** Running text stays as it was written (line breaks, indentation): only a blank stretch is dropped. */
    private static void flush(StringBuilder running, List<Block> blocks) {
        if (!running.toString().isBlank()) {
            blocks.add(new TextBlock(running.toString()));
        }
        running.setLength(0);
    }

    private enum Kind { TABS, PIPES }

    /**
     * A tab row has a label and at least two more fields after it (so a cell indented by one tab is not one), or,
     * inside a run of tab rows, at least three fields (a row of numbers under the header).
     */
    private static Kind kindOf(String line, Kind current) {
        if (PIPE_ROW.matcher(line).matches() || PIPE_RULE.matcher(line).matches() && line.contains("|")) {
            return Kind.PIPES;
        }
        List<String> fields = tabCells(line);
        int first = 0;
        while (first < fields.size() && fields.get(first).isEmpty()) {
            first++;
        }
        if (first == fields.size() || fields.size() - first < MIN_TAB_CELLS) {
            return null;
        }
        boolean label = !fields.get(first).matches("[+\\-\u2212]?[\\d,.]+");
        return label || current == Kind.TABS ? Kind.TABS : null;
    }

    private static void addTable(List<Block> blocks, List<List<String>> rows, Kind kind) {
        if (!rows.isEmpty()) {
            List<List<String>> copy = List.copyOf(rows);
            blocks.add(new TableBlock(copy, TableBlock.noneMerged(copy), kind == Kind.PIPES));
        }
        rows.clear();
    }

    private static List<String> pipeCells(String line) {
        String s = line.strip();
        s = s.substring(1, s.endsWith("|") && s.length() > 1 ? s.length() - 1 : s.length());
        List<String> cells = new ArrayList<>();
        for (String cell : s.split("\\|", -1)) {
            cells.add(TextBlocks.oneLine(cell));
        }
        return cells;
    }

    /** Leading tabs are kept as blank cells (merged label cells of the rows above); spaces around cells are not. */
    private static List<String> tabCells(String line) {
        String s = EDGE_SPACE.matcher(line).replaceAll("");
        List<String> cells = new ArrayList<>();
        for (String cell : s.split("\t", -1)) {
            cells.add(TextBlocks.oneLine(cell));
        }
        return cells;
    }
}
