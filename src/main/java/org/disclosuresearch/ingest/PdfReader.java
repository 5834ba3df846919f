package org.disclosuresearch.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Rectangle2D;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PDF through PDFBox 3. Ruled tables (the borders office suites draw) are read as grids by position
 * ({@link PdfTables}); the text around them, and pages without rulings, in content-stream order, which for the
 * office suites that make these reports is reading order. (Sorting by position instead interleaves lines of
 * different fonts, a title's digits with the line above.)
 */
final class PdfReader implements FormatReader {

    /** PDFBox keeps at most this much of a document's streams in memory and spills the rest to a temp file. */
    static final long MAX_MAIN_MEMORY = 64L * 1024 * 1024;
    /** …and at most this much in all: a stream that inflates beyond it is a bomb. */
    static final long MAX_STORAGE = 1024L * 1024 * 1024;
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int EOF_WINDOW = 4096;
    /** Pages looked at for images when a PDF has no text, to tell a scan from an empty document. */
    private static final int PAGES_CHECKED_FOR_IMAGES = 5;
    private static final Pattern PAGE_NUMBER = Pattern.compile("[-—–\\s第页/共0-9]*");

    @Override
    public List<Block> read(byte[] bytes, Path file, List<String> warnings) throws DocumentProblem {
        if (!endsWithEofMarker(bytes)) {
            // PDFBox would rebuild what it can of a cut-off download and hand back part of a report as if whole.
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE,
                    "truncated PDF: no %%EOF marker at the end of the file");
        }
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY, MAX_STORAGE);
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null, memory.streamCache)) {
            List<Block> blocks = new ArrayList<>();
            List<Integer> scannedPages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ReadCancellation.check(); // a reader past its time stops at the next page
                boolean hasText = readPage(doc, i, blocks);
                if (!hasText && hasImages(doc.getPage(i))) {
                    scannedPages.add(i + 1);
                }
            }
            if (!blocks.isEmpty() && !scannedPages.isEmpty()) {
                // A scanned table page among text pages: its figures will be missing, and the reader should know why.
                warnings.add(file + ": page(s) " + scannedPages + " of " + doc.getNumberOfPages()
                        + " are images without a text layer (need OCR); read without them");
            }
            if (blocks.isEmpty()) {
                if (hasImages(doc)) {
                    throw new DocumentProblem(file, DocumentProblem.Kind.NEEDS_OCR,
                            doc.getNumberOfPages() + " page(s) of images without a text layer");
                }
                throw new DocumentProblem(file, DocumentProblem.Kind.EMPTY, "PDF without text");
            }
            return blocks;
        } catch (InvalidPasswordException e) {
            throw new DocumentProblem(file, DocumentProblem.Kind.ENCRYPTED, "PDF needs a password to open", e);
        } catch (IOException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Maximum allowed")) { // MemoryUsageSetting's storage cap
                throw new DocumentProblem(file, DocumentProblem.Kind.TOO_COMPLEX,
                        "PDF streams expand beyond " + MAX_STORAGE + " bytes", e);
            }
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE,
                    "broken PDF: " + PoiLimits.firstLine(e.getMessage()), e);
        }
    }

    /**
     * One page: where it has ruled tables, the text between them (by horizontal bands) and each table as a grid;
     * elsewhere its text in content order. Returns whether the page had any text.
     */
    private static boolean readPage(PDDocument doc, int index, List<Block> blocks) throws IOException {
        PDPage page = doc.getPage(index);
        List<PdfTables.Found> tables = List.of();
        if (page.getRotation() == 0) {
            List<PdfRulings.Segment> rulings = PdfRulings.of(page);
            if (rulings.size() < PdfRulings.MAX_SEGMENTS) {
                tables = PdfTables.find(rulings);
            }
        }
        if (tables.isEmpty()) {
            PDFTextStripper stripper = stripper();
            stripper.setStartPage(index + 1);
            stripper.setEndPage(index + 1);
            String text = stripper.getText(doc);
            addText(text, blocks);
            return !text.isBlank();
        }
        GlyphCollector glyphs = new GlyphCollector();
        glyphs.setStartPage(index + 1);
        glyphs.setEndPage(index + 1);
        glyphs.getText(doc);
        PDFTextStripperByArea bands = new PDFTextStripperByArea();
        bands.setLineSeparator("\n");
        float width = page.getCropBox().getWidth();
        float top = 0;
        for (int t = 0; t < tables.size(); t++) {
            Rectangle2D bounds = tables.get(t).bounds();
            bands.addRegion("before" + t, new Rectangle2D.Float(0, top, width, (float) bounds.getMinY() - top));
            top = (float) bounds.getMaxY();
        }
        bands.addRegion("after", new Rectangle2D.Float(0, top, width, Math.max(0,
                page.getCropBox().getHeight() - top)));
        bands.extractRegions(page);
        for (int t = 0; t < tables.size(); t++) {
            addText(bands.getTextForRegion("before" + t), blocks);
            PdfTables.Found table = tables.get(t);
            List<TextPosition> inside = glyphs.all.stream().filter(g -> PdfTables.contains(table, g)).toList();
            addTable(PdfTables.read(table, inside), blocks);
        }
        addText(bands.getTextForRegion("after"), blocks);
        return true;
    }

    private static PDFTextStripper stripper() throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setLineSeparator("\n");
        stripper.setPageEnd("\n");
        return stripper;
    }

    private static void addText(String text, List<Block> blocks) {
        if (text == null || text.isBlank()) {
            return;
        }
        String t = text.strip();
        if (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof TextBlock previous) {
            blocks.set(blocks.size() - 1, new TextBlock(previous.text() + "\n" + t));
        } else {
            blocks.add(new TextBlock(t));
        }
    }

    /**
     * A table that goes on over a page break continues the previous one when nothing but a page number stands
     * between them and the columns agree.
     */
    private static void addTable(TableBlock table, List<Block> blocks) {
        if (table.rows().isEmpty()) {
            return;
        }
        int last = blocks.size() - 1;
        int previousTable = last >= 0 && blocks.get(last) instanceof TableBlock ? last
                : last >= 1 && blocks.get(last - 1) instanceof TableBlock && blocks.get(last) instanceof TextBlock tb
                && PAGE_NUMBER.matcher(tb.text().strip()).matches() ? last - 1 : -1;
        if (previousTable >= 0) {
            TableBlock before = (TableBlock) blocks.get(previousTable);
            if (before.rows().get(0).size() == table.rows().get(0).size()) {
                List<List<String>> rows = new ArrayList<>(before.rows());
                List<List<Boolean>> merged = new ArrayList<>(before.merged());
                int from = 0;
                if (continuesRow(rows.get(rows.size() - 1), table.rows().get(0))) {
                    rows.set(rows.size() - 1, joinRow(rows.get(rows.size() - 1), table.rows().get(0)));
                    from = 1;
                }
                rows.addAll(table.rows().subList(from, table.rows().size()));
                merged.addAll(table.merged().subList(Math.min(from, table.merged().size()), table.merged().size()));
                while (blocks.size() > previousTable) {
                    blocks.remove(blocks.size() - 1);
                }
                blocks.add(new TableBlock(rows, merged));
                return;
            }
        }
        blocks.add(table);
    }

    /**
     * A row the page break cut in two: the rest of its labels on the new page, nothing where the row above had
     * nothing, and no numbers (they sit at the top of their cells, on the first page).
     */
    private static boolean continuesRow(List<String> last, List<String> first) {
        boolean any = false;
        for (int c = 0; c < first.size(); c++) {
            String cell = first.get(c);
            if (cell.isEmpty()) {
                continue;
            }
            if (last.get(c).isEmpty() || cell.matches("-?[0-9][0-9.,]*")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static List<String> joinRow(List<String> last, List<String> first) {
        List<String> joined = new ArrayList<>(last);
        for (int c = 0; c < first.size(); c++) {
            joined.set(c, last.get(c) + first.get(c));
        }
        return joined;
    }

    /** Collects a page's glyphs with their positions instead of writing text. */
    private static final class GlyphCollector extends PDFTextStripper {
        final List<TextPosition> all = new ArrayList<>();

        @Override
        protected void processTextPosition(TextPosition text) {
            all.add(text);
        }
    }

    private static boolean endsWithEofMarker(byte[] bytes) {
        int from = Math.max(0, bytes.length - EOF_WINDOW);
        outer:
        for (int i = bytes.length - EOF_MARKER.length; i >= from; i--) {
            for (int j = 0; j < EOF_MARKER.length; j++) {
                if (bytes[i + j] != EOF_MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean hasImages(PDDocument doc) throws IOException {
        int checked = 0;
        for (PDPage page : doc.getPages()) {
            if (checked++ >= PAGES_CHECKED_FOR_IMAGES) {
                break;
            }
            if (hasImages(page)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasImages(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name) || resources.getXObject(name) instanceof PDImageXObject) {
                return true;
            }
        }
        return false;
    }
}
