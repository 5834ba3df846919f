package org.disclosuresearch.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceSidecarTest {

    @TempDir
    Path dir;

    private Path report() throws Exception {
        return Files.copy(FormatFixtures.file(FormatFixtures.NAME + "-gbk.txt"), dir.resolve("report.txt"));
    }

    private SourceDocument readWithSidecar(String json) throws Exception {
        Path report = report();
        Files.writeString(dir.resolve("report.txt.json"), json);
        return new Ingestor().read(report, dir);
    }

    @Test
    void sidecarBesideTheReportIsReadIntoProvenance() throws Exception {
        SourceDocument doc = readWithSidecar(
                "{\"url\": \"http://ylbzj.weihai.gov.cn/art/2022/1/18/art_1.html\", \"fetched\": \"2022-01-20\"}");
        assertEquals(new Provenance("http://ylbzj.weihai.gov.cn/art/2022/1/18/art_1.html", "2022-01-20"),
                doc.provenance());
        assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());
    }

    @Test
    void noSidecarMeansNoProvenance() throws Exception {
        assertEquals(Provenance.NONE, new Ingestor().read(report(), dir).provenance());
    }

    @Test
    void malformedSidecarIsAWarningNotAFailure() throws Exception {
        SourceDocument doc = readWithSidecar("{\"url\": \"http://a.gov.cn/x\", ");
        assertEquals(Provenance.NONE, doc.provenance());
        assertEquals(1, doc.warnings().size());
        assertTrue(doc.warnings().get(0).contains("report.txt.json") && doc.warnings().get(0).contains("malformed"),
                doc.warnings().get(0));
        assertFalse(doc.blocks().isEmpty(), "the report itself is still read");
    }

    @Test
    void onlyHttpUrlsAndIsoDatesAreKept() throws Exception {
        SourceDocument doc = readWithSidecar("{\"url\": \"javascript:alert(1)\", \"fetched\": \"yesterday\"}");
        assertNull(doc.provenance().url());
        assertNull(doc.provenance().fetched());
        assertEquals(2, doc.warnings().size(), doc.warnings().toString());
    }

    @Test
    void fetchedDateTimeIsCutToItsDate() throws Exception {
        SourceDocument doc = readWithSidecar("{\"url\": \"https://www.gov.cn/a\", \"fetched\": \"2022-01-20T08:15:00+08:00\"}");
        assertEquals("2022-01-20", doc.provenance().fetched());
    }

    @Test
    void sidecarIsRecognisedAsNotAReport() throws Exception {
        Path report = report();
        Path sidecar = Files.writeString(dir.resolve("report.txt.json"), "{}");
        assertTrue(Ingestor.isSidecar(sidecar));
        assertFalse(Ingestor.isSidecar(report));
        assertFalse(Ingestor.isSidecar(Files.writeString(dir.resolve("data.json"), "{}")), "no report beside it");
    }
}
