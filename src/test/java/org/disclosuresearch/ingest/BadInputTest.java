package org.disclosuresearch.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input of issue 6 becomes one typed problem whose message names the file and the reason. */
class BadInputTest {

    @TempDir
    Path dir;

    private final Ingestor ingestor = new Ingestor();

    private DocumentProblem problem(Path file, DocumentProblem.Kind kind, String reason) {
        return problem(ingestor, file, kind, reason);
    }

    private DocumentProblem problem(Ingestor with, Path file, DocumentProblem.Kind kind, String reason) {
        DocumentProblem p = assertThrows(DocumentProblem.class, () -> with.read(file, dir), file.toString());
        assertEquals(kind, p.kind(), p.getMessage());
        assertEquals(file, p.file());
        assertTrue(p.getMessage().startsWith(file.toString() + ": "), p.getMessage());
        assertTrue(p.getMessage().contains(reason), p.getMessage());
        return p;
    }

    @Test
    void emptyFile() throws Exception {
        problem(BadFiles.empty(dir), DocumentProblem.Kind.EMPTY, "empty file (0 bytes)");
    }

    @Test
    void truncatedPdf() throws Exception {
        problem(BadFiles.truncatedPdf(dir), DocumentProblem.Kind.UNREADABLE, "truncated PDF");
    }

    @Test
    void passwordProtectedPdf() throws Exception {
        problem(BadFiles.encryptedPdf(dir), DocumentProblem.Kind.ENCRYPTED, "password");
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsRead() throws Exception {
        // Many agencies lock printing or copying with an owner password only: such a file opens without one.
        Path file = dir.resolve("owner-only.pdf");
        try (PDDocument doc = Loader.loadPDF(
                FormatFixtures.file(FormatFixtures.NAME + ".pdf").toFile())) {
            AccessPermission noCopy = new AccessPermission();
            noCopy.setCanExtractContent(false);
            doc.protect(new StandardProtectionPolicy("owner-secret", "", noCopy));
            doc.save(file.toFile());
        }
        SourceDocument doc = ingestor.read(file, dir);
        assertEquals(3, doc.blocks().stream().filter(b -> b instanceof TableBlock).count());
    }

    @Test
    void passwordProtectedDocx() throws Exception {
        problem(BadFiles.encryptedDocx(dir), DocumentProblem.Kind.ENCRYPTED, "password-protected");
    }

    @Test
    void scannedPdfNeedsOcr() throws Exception {
        problem(BadFiles.scannedPdf(dir), DocumentProblem.Kind.NEEDS_OCR, "needs OCR");
    }

    @Test
    void scannedPageAmongTextPagesIsAWarning() throws Exception {
        Path file = BadFiles.partlyScannedPdf(dir);
        SourceDocument doc = ingestor.read(file, dir);
        assertEquals(3, doc.blocks().stream().filter(b -> b instanceof TableBlock).count());
        assertEquals(1, doc.warnings().size(), doc.warnings().toString());
        String warning = doc.warnings().get(0);
        assertTrue(warning.startsWith(file + ": page(s) [") && warning.contains("need OCR"), warning);
    }

    @Test
    void docxZipBombIsStoppedBeforeItInflates() throws Exception {
        Path bomb = BadFiles.docxZipBomb(dir);
        assertTrue(Files.size(bomb) < 200_000, "the bomb is small on disk: " + Files.size(bomb));
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        problem(bomb, DocumentProblem.Kind.TOO_COMPLEX, "zip bomb");
        long after = rt.totalMemory() - rt.freeMemory();
        assertTrue(after - before < 40L * 1024 * 1024, "heap grew by " + (after - before));
    }

    @Test
    void docxEntityBombIsRefusedQuickly() throws Exception {
        Path bomb = BadFiles.docxEntityBomb(dir);
        DocumentProblem p = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DocumentProblem.class, () -> ingestor.read(bomb, dir)));
        assertTrue(p.getMessage().startsWith(bomb + ": "), p.getMessage());
        // POI's XML parsing refuses any DOCTYPE, so nothing is expanded
        assertEquals(DocumentProblem.Kind.UNREADABLE, p.kind(), p.getMessage());
        assertTrue(p.getMessage().contains("DOCTYPE"), p.getMessage());
    }

    @Test
    void fileOverTheSizeLimitIsNotRead() throws Exception {
        Path huge = BadFiles.huge(dir, IngestLimits.DEFAULT.maxFileBytes() + 1);
        problem(huge, DocumentProblem.Kind.TOO_LARGE, "limit " + IngestLimits.DEFAULT.maxFileBytes());
    }

    @Test
    void sizeLimitIsConfigurable() throws Exception {
        Path docx = Files.copy(FormatFixtures.file(FormatFixtures.NAME + ".docx"), dir.resolve("report.docx"));
        Ingestor small = new Ingestor(new IngestLimits(1000, Duration.ofSeconds(10)));
        problem(small, docx, DocumentProblem.Kind.TOO_LARGE, "limit 1000");
    }

    @Test
    void binaryJunkWithAReportExtension() throws Exception {
        problem(BadFiles.junkNamedPdf(dir), DocumentProblem.Kind.UNSUPPORTED_FORMAT, "named .pdf");
    }

    @Test
    void junkBehindAPdfHeader() throws Exception {
        problem(BadFiles.junkWithPdfHeader(dir), DocumentProblem.Kind.UNREADABLE, "broken PDF");
    }

    @Test
    void directoryInsteadOfAFile() throws Exception {
        problem(Files.createDirectory(dir.resolve("folder.pdf")), DocumentProblem.Kind.UNREADABLE, "directory");
    }

    @Test
    void readThatTakesTooLongIsAbandonedAtTheTimeLimit() throws Exception {
        Path pdf = Files.copy(FormatFixtures.file(FormatFixtures.NAME + ".pdf"), dir.resolve("slow.pdf"));
        Ingestor hurried = new Ingestor(new IngestLimits(IngestLimits.DEFAULT.maxFileBytes(), Duration.ofMillis(1)));
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> problem(hurried, pdf, DocumentProblem.Kind.TIMEOUT, "gave up after 1 ms"));
    }

    @Test
    void aBatchGoesOnPastEveryBadFile() throws Exception {
        Map<Path, DocumentProblem.Kind> bad = Map.of(
                BadFiles.empty(dir), DocumentProblem.Kind.EMPTY,
                BadFiles.truncatedPdf(dir), DocumentProblem.Kind.UNREADABLE,
                BadFiles.encryptedPdf(dir), DocumentProblem.Kind.ENCRYPTED,
                BadFiles.scannedPdf(dir), DocumentProblem.Kind.NEEDS_OCR,
                BadFiles.docxZipBomb(dir), DocumentProblem.Kind.TOO_COMPLEX,
                BadFiles.junkNamedPdf(dir), DocumentProblem.Kind.UNSUPPORTED_FORMAT);
        List<Path> batch = new ArrayList<>();
        for (String name : FormatFixtures.FILES) {
            batch.add(Files.copy(FormatFixtures.file(name), dir.resolve(name)));
        }
        batch.addAll(bad.keySet());
        batch.sort(null); // good and bad files interleaved
        List<SourceDocument> read = new ArrayList<>();
        List<DocumentProblem> problems = new ArrayList<>();
        for (Path file : batch) {
            try {
                read.add(ingestor.read(file, dir));
            } catch (DocumentProblem p) {
                problems.add(p);
            }
        }
        assertEquals(FormatFixtures.FILES.size(), read.size());
        assertEquals(bad.size(), problems.size());
        for (DocumentProblem p : problems) {
            assertEquals(bad.get(p.file()), p.kind(), p.getMessage());
            assertTrue(p.getMessage().contains(p.file().getFileName().toString()), p.getMessage());
        }
    }
}
