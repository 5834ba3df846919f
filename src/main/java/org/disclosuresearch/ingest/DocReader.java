package org.disclosuresearch.ingest;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Word 97-2003 (.doc) through POI HWPF. The OLE2 container is opened first, because the same magic bytes also
 * start encrypted DOCX files ("EncryptedPackage") and Excel workbooks.
 */
final class DocReader implements FormatReader {

    /** Twentieths of a point; a boundary that moved less than 1 pt is the same boundary. */
    private static final int EDGE_TOLERANCE_TWIPS = 20;

    @Override
    public List<Block> read(byte[] bytes, Path file, List<String> warnings) throws DocumentProblem {
        PoiLimits.apply();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                throw new DocumentProblem(file, DocumentProblem.Kind.ENCRYPTED, "an encrypted Office document (DOCX in an OLE2 container)");
            }
            if (!root.hasEntry("WordDocument")) {
                throw new DocumentProblem(file, DocumentProblem.Kind.UNSUPPORTED_FORMAT,
                        "an Office container (OLE2) without a Word document, e.g. a spreadsheet");
            }
            try (HWPFDocument doc = new HWPFDocument(root)) {
                return blocks(doc.getRange());
            }
        } catch (IOException | RuntimeException e) {
            throw PoiLimits.problem(file, "DOC", e);
        }
    }

    private static List<Block> blocks(Range range) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                Table table = range.getTable(p);
                TextBlocks.flush(text, blocks);
                TableBlock grid = readTable(table);
                if (!grid.rows().isEmpty()) {
                    blocks.add(grid);
                }
                i += Math.max(1, table.numParagraphs()) - 1;
            } else {
                text.append(clean(p.text())).append('\n');
            }
        }
        TextBlocks.flush(text, blocks);
        return blocks;
    }

    /**
     * DOC stores no column grid: a merged cell is just a wider cell. The column boundaries of all rows together
     * give the grid, and a cell spans the boundaries between its left and right edge.
     */
    private static TableBlock readTable(Table table) {
        TreeSet<Integer> all = new TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                all.add(cell.getLeftEdge());
                all.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        // Widths are rounded per cell, so one boundary can sit a few twips apart in different rows.
        List<Integer> edges = new ArrayList<>();
        for (int edge : all) {
            if (edges.isEmpty() || edge - edges.get(edges.size() - 1) > EDGE_TOLERANCE_TWIPS) {
                edges.add(edge);
            }
        }
        GridBuilder grid = new GridBuilder();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            grid.startRow();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int left = cell.getLeftEdge();
                int span = nearest(edges, left + cell.getWidth()) - nearest(edges, left);
                boolean continuation = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
                if (continuation) {
                    grid.addContinuation(Math.max(1, span));
                } else {
                    grid.addCell(TextBlocks.oneLine(clean(cell.text())), 1, Math.max(1, span));
                }
            }
        }
        return grid.build();
    }

    private static int nearest(List<Integer> edges, int edge) {
        int best = 0;
        for (int i = 1; i < edges.size(); i++) {
            if (Math.abs(edges.get(i) - edge) < Math.abs(edges.get(best) - edge)) {
                best = i;
            }
        }
        return best;
    }

    /** Word's field codes, cell marks and control characters are not text. */
    private static String clean(String raw) {
        String text = Range.stripFields(raw);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u000B' || c == '\r' || c == '\f') {
                out.append('\n');
            } else if (c >= 0x20 || c == '\t' || c == '\n') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
