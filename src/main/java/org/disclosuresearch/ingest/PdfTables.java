package org.disclosuresearch.ingest;

import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds ruled tables on a PDF page and reads them as grids: the ruling lines give the column and row
 * boundaries, a missing border between two grid positions means they are one merged cell, and each glyph goes
 * to the cell it sits in. A wrapped label thus stays one cell, on the row of its numbers.
 */
final class PdfTables {

    /** Lines this close are one boundary (borders are drawn twice, or a hair apart). */
    private static final float SNAP = 2f;
    private static final int MIN_ROWS = 2;
    private static final int MIN_COLUMNS = 2;

    /** A table found on a page: its outline (text coordinates) and its grid once the glyphs are placed. */
    record Found(Rectangle2D bounds, float[] xs, float[] ys, int[][] region) {
    }

    private PdfTables() {
    }

    /** Tables on the page, top to bottom. */
    static List<Found> find(List<PdfRulings.Segment> segments) {
        List<PdfRulings.Segment> remaining = new ArrayList<>(segments);
        List<Found> tables = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<PdfRulings.Segment> group = connected(remaining);
            Found table = grid(group);
            if (table != null) {
                tables.add(table);
            }
        }
        tables.sort(Comparator.comparingDouble(t -> t.bounds().getMinY()));
        return tables;
    }

    /** Takes from {@code remaining} the segments that touch the first one, directly or through others. */
    private static List<PdfRulings.Segment> connected(List<PdfRulings.Segment> remaining) {
        List<PdfRulings.Segment> group = new ArrayList<>();
        group.add(remaining.remove(remaining.size() - 1));
        for (int i = 0; i < group.size(); i++) {
            PdfRulings.Segment s = group.get(i);
            for (int j = remaining.size() - 1; j >= 0; j--) {
                if (touch(s, remaining.get(j))) {
                    group.add(remaining.remove(j));
                }
            }
        }
        return group;
    }

    private static boolean touch(PdfRulings.Segment a, PdfRulings.Segment b) {
        if (a.horizontal() == b.horizontal()) {
            return Math.abs(a.at() - b.at()) <= SNAP && a.from() <= b.to() + SNAP && b.from() <= a.to() + SNAP;
        }
        PdfRulings.Segment h = a.horizontal() ? a : b;
        PdfRulings.Segment v = a.horizontal() ? b : a;
        return v.at() >= h.from() - SNAP && v.at() <= h.to() + SNAP && h.at() >= v.from() - SNAP
                && h.at() <= v.to() + SNAP;
    }

    private static Found grid(List<PdfRulings.Segment> group) {
        List<PdfRulings.Segment> horizontal = group.stream().filter(PdfRulings.Segment::horizontal).toList();
        List<PdfRulings.Segment> vertical = group.stream().filter(s -> !s.horizontal()).toList();
        float[] ys = snap(horizontal.stream().map(PdfRulings.Segment::at).toList());
        float[] xs = snap(vertical.stream().map(PdfRulings.Segment::at).toList());
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        if (rows < MIN_ROWS || cols < MIN_COLUMNS || rows * cols > GridBuilder.MAX_COLUMNS * 400) {
            return null;
        }
        // Union positions that no border separates: those are one merged cell.
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            float midY = (ys[r] + ys[r + 1]) / 2;
            for (int c = 0; c + 1 < cols; c++) {
                if (!covered(vertical, xs[c + 1], midY)) {
                    union(parent, r * cols + c, r * cols + c + 1);
                }
            }
        }
        for (int c = 0; c < cols; c++) {
            float midX = (xs[c] + xs[c + 1]) / 2;
            for (int r = 0; r + 1 < rows; r++) {
                if (!covered(horizontal, ys[r + 1], midX)) {
                    union(parent, r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        int[][] region = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                region[r][c] = find(parent, r * cols + c);
            }
        }
        Rectangle2D bounds = new Rectangle2D.Float(xs[0], ys[0], xs[cols] - xs[0], ys[rows] - ys[0]);
        return new Found(bounds, xs, ys, region);
    }

    /** Reads a found table: each glyph into its cell, each cell's lines joined. */
    static TableBlock read(Found table, List<TextPosition> glyphs) {
        int rows = table.ys().length - 1;
        int cols = table.xs().length - 1;
        List<List<TextPosition>> cells = new ArrayList<>();
        for (int i = 0; i < rows * cols; i++) {
            cells.add(new ArrayList<>());
        }
        for (TextPosition g : glyphs) {
            float x = g.getXDirAdj() + g.getWidthDirAdj() / 2;
            float y = g.getYDirAdj() - g.getHeightDir() / 2;
            int c = index(table.xs(), x);
            int r = index(table.ys(), y);
            if (r >= 0 && c >= 0) {
                cells.get(table.region()[r][c]).add(g);
            }
        }
        GridBuilder grid = new GridBuilder();
        boolean[] placed = new boolean[rows * cols];
        for (int r = 0; r < rows; r++) {
            grid.startRow();
            for (int c = 0; c < cols; c++) {
                int id = table.region()[r][c];
                if (placed[id]) {
                    continue; // covered by a merged cell placed above or to the left
                }
                placed[id] = true;
                int rowSpan = 1;
                while (r + rowSpan < rows && table.region()[r + rowSpan][c] == id) {
                    rowSpan++;
                }
                int colSpan = 1;
                while (c + colSpan < cols && table.region()[r][c + colSpan] == id) {
                    colSpan++;
                }
                grid.addCell(cellText(cells.get(id)), rowSpan, colSpan);
            }
        }
        return grid.build();
    }

    static boolean contains(Found table, TextPosition g) {
        float x = g.getXDirAdj() + g.getWidthDirAdj() / 2;
        float y = g.getYDirAdj() - g.getHeightDir() / 2;
        return table.bounds().contains(x, y);
    }

    /** A cell's glyphs in reading order: lines by baseline, left to right; a wrapped label is joined back. */
    private static String cellText(List<TextPosition> glyphs) {
        if (glyphs.isEmpty()) {
            return "";
        }
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
        List<List<TextPosition>> lines = new ArrayList<>();
        for (TextPosition g : sorted) {
            List<TextPosition> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last == null || Math.abs(g.getYDirAdj() - last.get(0).getYDirAdj()) > g.getHeightDir() / 2) {
                lines.add(new ArrayList<>(List.of(g)));
            } else {
                last.add(g);
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<TextPosition> line : lines) {
            line.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            StringBuilder text = new StringBuilder();
            TextPosition previous = null;
            for (TextPosition g : line) {
                if (previous != null) {
                    float gap = g.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
                    if (gap > previous.getWidthOfSpace() * 0.5f && gap > 0.5f) {
                        text.append(' ');
                    }
                }
                text.append(g.getUnicode());
                previous = g;
            }
            String piece = text.toString().strip();
            if (piece.isEmpty()) {
                continue;
            }
            // A line wrapped inside a cell continues the same words: only Latin words need a space between.
            if (out.length() > 0 && isAscii(out.charAt(out.length() - 1)) && isAscii(piece.charAt(0))) {
                out.append(' ');
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static boolean isAscii(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    private static int index(float[] bounds, float v) {
        for (int i = 0; i + 1 < bounds.length; i++) {
            if (v >= bounds[i] && v < bounds[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    private static boolean covered(List<PdfRulings.Segment> lines, float at, float across) {
        for (PdfRulings.Segment s : lines) {
            if (Math.abs(s.at() - at) <= SNAP && across >= s.from() - SNAP && across <= s.to() + SNAP) {
                return true;
            }
        }
        return false;
    }

    private static float[] snap(List<Float> values) {
        List<Float> sorted = new ArrayList<>(values);
        sorted.sort(null);
        List<Float> out = new ArrayList<>();
        for (float v : sorted) {
            if (out.isEmpty() || v - out.get(out.size() - 1) > SNAP) {
                out.add(v);
            }
        }
        float[] arr = new float[out.size()];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = out.get(i);
        }
        return arr;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
