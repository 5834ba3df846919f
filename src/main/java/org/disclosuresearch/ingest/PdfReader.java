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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * PDF through PDFBox 3. Text is taken in content-stream order, which for the office suites that make these
 * reports is reading order: a table comes out row by row, each row's label (wrapped as in its cell) followed by
 * its cells left to right on one line, the shape the label-based mapper reads. Sorting by position instead
 * interleaves lines of different fonts (a title's digits with the line above) and splits wrapped labels from
 * their rows.
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

    @Override
    public List<Block> read(byte[] bytes, Path file) throws DocumentProblem {
        if (!endsWithEofMarker(bytes)) {
            // PDFBox would rebuild what it can of a cut-off download and hand back part of a report as if whole.
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE,
                    "truncated PDF: no %%EOF marker at the end of the file");
        }
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY, MAX_STORAGE);
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null, memory.streamCache)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setPageEnd("\n");
            String text = stripper.getText(doc);
            if (text.isBlank()) {
                if (hasImages(doc)) {
                    throw new DocumentProblem(file, DocumentProblem.Kind.NEEDS_OCR,
                            doc.getNumberOfPages() + " page(s) of images without a text layer");
                }
                throw new DocumentProblem(file, DocumentProblem.Kind.EMPTY, "PDF without text");
            }
            return List.of(new TextBlock(text.strip()));
        } catch (InvalidPasswordException e) {
            throw new DocumentProblem(file, DocumentProblem.Kind.ENCRYPTED, "PDF needs a password to open", e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE,
                    "broken PDF: " + PoiLimits.firstLine(e.getMessage()), e);
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
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name) || resources.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            }
        }
        return false;
    }
}
