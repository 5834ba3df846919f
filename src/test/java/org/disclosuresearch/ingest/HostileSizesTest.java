package org.disclosuresearch.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files shaped to exhaust a reader: more text than any report holds, markup nested beyond reason. */
class HostileSizesTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithMoreTextThanAReportIsRefusedWithItsSize() throws Exception {
        String line = "本机关依申请公开政府信息，朋友圈。".repeat(10_000); // 170,000 characters on one line
        Path big = Files.writeString(dir.resolve("big.txt"), line, StandardCharsets.UTF_8);
        Ingestor limited = new Ingestor(new IngestLimits(IngestLimits.DEFAULT.maxFileBytes(),
                Duration.ofSeconds(30), 100_000));
        DocumentProblem p = assertThrows(DocumentProblem.class, () -> limited.read(big, dir));
        assertEquals(DocumentProblem.Kind.TEXT_TOO_LONG, p.kind());
        assertTrue(p.getMessage().startsWith(big + ": too much text for one report (170000 characters of text, "
                + "limit 100000"), p.getMessage());
        // the same file under the default limit is read: the limit is what refused it
        assertEquals(170_000, textLength(new Ingestor().read(big, dir)));
    }

    /**
     * 30,000 nested divs: the old main-content finder measured every element's whole subtree (minutes of CPU), and
     * its thread ran on long after the time limit had reported TIMEOUT.
     */
    @Test
    void deeplyNestedHtmlIsReadQuicklyAndATimedOutReaderStops() throws Exception {
        int depth = 30_000;
        String html = "<html><body>" + "<div>".repeat(depth) + "<p>某市政府信息公开工作年度报告</p>"
                + "</div>".repeat(depth) + "</body></html>";
        Path nested = Files.writeString(dir.resolve("nested.html"), html, StandardCharsets.UTF_8);

        // read in full within the default limit: no quadratic walk left
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SourceDocument doc = new Ingestor().read(nested, dir);
            assertTrue(textLength(doc) > 0);
        });

        // cut off at 1 ms: TIMEOUT, and the reader's thread really stops (it checks for cancellation)
        Ingestor hurried = new Ingestor(new IngestLimits(IngestLimits.DEFAULT.maxFileBytes(), Duration.ofMillis(1)));
        DocumentProblem p = assertThrows(DocumentProblem.class, () -> hurried.read(nested, dir));
        assertEquals(DocumentProblem.Kind.TIMEOUT, p.kind());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Ingestor.readersRunning() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, Ingestor.readersRunning(), "a reader thread runs on past its time limit");
    }

    @Test
    void aBackslashInAFileNameIsPartOfTheNameNotAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("back\\slash.txt"), "某局政府信息公开工作年度报告", StandardCharsets.UTF_8);
        assertEquals("back\\slash.txt", Ingestor.relativePath(file, dir));
        assertEquals("sub/r.txt", Ingestor.relativePath(dir.resolve("sub").resolve("r.txt"), dir));
    }

    private static long textLength(SourceDocument doc) {
        long n = 0;
        for (Block b : doc.blocks()) {
            if (b instanceof TextBlock t) {
                n += t.text().strip().length();
            }
        }
        return n;
    }
}
