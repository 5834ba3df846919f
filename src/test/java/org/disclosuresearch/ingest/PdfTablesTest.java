package org.disclosuresearch.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ruled table drawn with PDFBox, on a page whose crop box does not start at the origin. */
class PdfTablesTest {

    @TempDir
    Path dir;

    private static final float LEFT = 100;
    private static final float TOP = 600;
    private static final float[] XS = {LEFT, LEFT + 150, LEFT + 220, LEFT + 290};
    private static final float[] YS = {TOP, TOP - 20, TOP - 40, TOP - 70};

    @Test
    void gridWithAMergedHeaderAndAWrappedLabel() throws Exception {
        Path file = dir.resolve("table.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(612, 792));
            page.setCropBox(new PDRectangle(30, 20, 560, 740)); // an offset crop box, as scanners and printers set
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, font, 100, 700, "Annual report intro before the table");
                // horizontal rules across the table
                for (float y : YS) {
                    line(cs, XS[0], y, XS[3], y);
                }
                // outer verticals, and the inner ones except across the header's merged cell (columns 2-3)
                line(cs, XS[0], YS[0], XS[0], YS[3]);
                line(cs, XS[3], YS[0], XS[3], YS[3]);
                line(cs, XS[1], YS[0], XS[1], YS[3]);
                line(cs, XS[2], YS[1], XS[2], YS[3]);
                text(cs, font, XS[0] + 4, YS[0] - 14, "Item");
                text(cs, font, XS[1] + 4, YS[0] - 14, "Counts");
                text(cs, font, XS[1] + 4, YS[1] - 14, "new");
                text(cs, font, XS[2] + 4, YS[1] - 14, "old");
                text(cs, font, XS[0] + 4, YS[2] - 12, "Long label");
                text(cs, font, XS[0] + 4, YS[2] - 26, "wrapped");
                text(cs, font, XS[1] + 4, YS[2] - 12, "12");
                text(cs, font, XS[2] + 4, YS[2] - 12, "-3");
                cs.stroke();
                text(cs, font, 100, 400, "Text after the table");
            }
            doc.save(file.toFile());
        }
        List<Block> blocks = new Ingestor().read(file, dir).blocks();
        assertEquals(3, blocks.size(), blocks.toString());
        assertTrue(((TextBlock) blocks.get(0)).text().contains("Annual report intro"), blocks.toString());
        TableBlock table = (TableBlock) blocks.get(1);
        assertEquals(List.of(
                List.of("Item", "Counts", ""),
                List.of("", "new", "old"),
                List.of("Long label wrapped", "12", "-3")), table.rows());
        assertTrue(table.isMerged(0, 2), "the header spans two columns");
        assertFalse(table.isMerged(0, 1));
        assertTrue(((TextBlock) blocks.get(2)).text().contains("Text after the table"));
    }

    private static void line(PDPageContentStream cs, float x0, float y0, float x1, float y1) throws IOException {
        cs.moveTo(x0, y0);
        cs.lineTo(x1, y1);
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, 10);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
