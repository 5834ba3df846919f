package org.disclosuresearch.ingest;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Word 2007+ (.docx) through POI XWPF: the body's paragraphs and tables in body order. Page headers and footers
 * are left out (they repeat the agency's letterhead on every page). Zip-bomb limits are set by {@link PoiLimits}.
 */
final class DocxReader implements FormatReader {

    @Override
    public List<Block> read(byte[] bytes, Path file, List<String> warnings) throws DocumentProblem {
        PoiLimits.apply();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<Block> blocks = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    text.append(p.getText()).append('\n');
                } else if (element instanceof XWPFSDT sdt) {
                    // content controls (some agency templates wrap whole sections in them) hold plain text
                    text.append(sdt.getContent().getText()).append('\n');
                } else if (element instanceof XWPFTable t) {
                    TextBlocks.flush(text, blocks);
                    TableBlock table = readTable(t);
                    if (!table.rows().isEmpty()) {
                        blocks.add(table);
                    }
                }
            }
            TextBlocks.flush(text, blocks);
            return blocks;
        } catch (IOException | RuntimeException e) {
            throw PoiLimits.problem(file, "DOCX", e);
        }
    }

    private static TableBlock readTable(XWPFTable table) {
        GridBuilder grid = new GridBuilder();
        for (XWPFTableRow row : table.getRows()) {
            ReadCancellation.check();
            grid.startRow();
            for (XWPFTableCell cell : row.getTableCells()) {
                // A vertically merged cell's continuation is a real (empty) cell in DOCX, so rowspan stays 1.
                if (isContinuation(cell)) {
                    grid.addContinuation(gridSpan(cell));
                } else {
                    grid.addCell(TextBlocks.oneLine(cell.getText()), 1, gridSpan(cell));
                }
            }
        }
        return grid.build();
    }

    /** {@code <w:vMerge/>} without a value, or with "continue", continues the cell above. */
    private static boolean isContinuation(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getVMerge() == null) {
            return false;
        }
        return pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
    }

    private static int gridSpan(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        return pr.getGridSpan().getVal().intValue();
    }
}
