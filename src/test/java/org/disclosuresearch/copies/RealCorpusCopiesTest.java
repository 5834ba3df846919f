package org.disclosuresearch.copies;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The seeds and the project's real reports (src/test/resources/real), indexed together. What reading them shows:
 * <ul>
 *   <li>平潭 agencies with two reports: 财政金融局 2019 → 2023 (pingtan-11 → pingtan-04), 公安局 2020 → 2024
 *       (pingtan-10 → pingtan-05), 行政审批局 2020 → 2023 (pingtan-12 → pingtan-06), 国有资产管理局 2019 → 2022
 *       (pingtan-07 → pingtan-15). Four years apart, the reports are rewritten: only 财政金融局 2023 repeats two
 *       sentences of its 2019 report (the 依申请公开 paragraph's closing sentence and the 门户网站 channel sentence), 2 of
 *       its 30 counted sentences; the others repeat none.</li>
 *   <li>Same year, different agencies: the two 乐清 reports of 2021 (医疗保障局 000, 卫生健康局 004) share three
 *       sentences of the city's common wording (the 六部分组成 outline, the 门户网站 download sentence, 无其他需要报告的事项):
 *       3 of 000's 24 and of 004's 23. No other same-year pair shares a sentence (the 医疗保障局 seeds of other
 *       provinces, pingtan-08, hongze-2023 each word their reports themselves).</li>
 *   <li>No sentence is held by more than two reports of a year, so none is template wording under the default rule.</li>
 * </ul>
 */
class RealCorpusCopiesTest {

    @TempDir
    static Path dir;
    static Path index;

    @BeforeAll
    static void indexSeedsAndRealReports() throws Exception {
        index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(resource("/seeds"), resource("/real")), IndexProgress.NONE);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RealCorpusCopiesTest.class.getResource(name).toURI());
    }

    private static CopyShares copies(String id) throws Exception {
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            return backend.report(id).orElseThrow().copies();
        }
    }

    private static String similar(CopyShares s) {
        return s.similar().stream().map(x -> x.id() + ":" + x.shared()).collect(Collectors.joining(","));
    }

    @Test
    void theSameAgencysEarlierReportIsItsPreviousReport() throws Exception {
        CopyShares finance = copies("pingtan-04");
        assertEquals("pingtan-11", finance.previous().id());
        assertEquals(2019, finance.previous().year());
        assertEquals(30, finance.sentences());
        assertEquals(0.0667, finance.prevShare());
        assertEquals(0.0, finance.peerShare());
        assertEquals("pingtan-11:2", similar(finance));
        assertEquals(2, finance.passages().size());

        for (String[] pair : new String[][]{{"pingtan-05", "pingtan-10"}, {"pingtan-06", "pingtan-12"},
                {"pingtan-15", "pingtan-07"}}) {
            CopyShares s = copies(pair[0]);
            assertEquals(pair[1], s.previous().id(), pair[0]);
            assertEquals(0.0, s.prevShare(), pair[0]);
            assertEquals(0.0, s.share(), pair[0]);
        }
        CopyShares earliest = copies("pingtan-11");
        assertNull(earliest.previous());
        assertNull(earliest.prevShare());
    }

    @Test
    void theTwoYueqingReportsOf2021ShareTheCitysWording() throws Exception {
        CopyShares health = copies("000_c6adf1d2ada892b8");
        assertEquals(24, health.sentences());
        assertEquals(0.125, health.peerShare());
        assertEquals("004_0a91ce1974c0f436:3", similar(health));
        CopyShares wellbeing = copies("004_0a91ce1974c0f436");
        assertEquals(23, wellbeing.sentences());
        assertEquals(0.1304, wellbeing.peerShare());
        assertEquals("000_c6adf1d2ada892b8:3", similar(wellbeing));
        for (String id : List.of("001_93bb57e9bc1ba9ba", "002_1effd3284db83ec5", "003_e18be9a397c96df8",
                "pingtan-08", "hongze-2023", "pingtan-13", "pingtan-14")) {
            CopyShares s = copies(id);
            assertEquals(0.0, s.peerShare(), id);
            assertEquals("", similar(s), id);
        }
    }
}
