package org.disclosuresearch.copies;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Copy shares on a real index of {@link CopySeries}, and how they follow re-indexing and deletion. */
class CopySharesTest {

    private static CopyShares copies(Path index, String id) throws Exception {
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            return backend.report(id).orElseThrow().copies();
        }
    }

    private static List<String> similar(CopyShares s) {
        return s.similar().stream().map(x -> x.id() + ":" + x.shared()).collect(Collectors.toList());
    }

    @Test
    void copied_from_last_year_and_from_another_county_unrelated_and_template_wording(@TempDir Path dir)
            throws Exception {
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(CopySeries.write(dir.resolve("docs"))), IndexProgress.NONE);
        }
        // a-2022: its four sentences are a-2021's with other numbers; the regulation's sentence (B) is held by all
        // seven 2022 reports, more than max(5, 1% of 7), so it is not counted; the table text is not a sentence
        CopyShares a = copies(index, "a-2022");
        assertEquals(4, a.sentences());
        assertEquals("a-2021", a.previous().id());
        assertEquals(1.0, a.prevShare());
        assertEquals(0.0, a.peerShare());
        assertEquals(1.0, a.share());
        assertEquals(List.of("a-2021:4"), similar(a));
        assertEquals(4, a.passages().size());
        assertEquals(List.of("a-2021"), a.passages().get(0).reports());
        // the shares as derived figures (filter, sort, Σ/Σ aggregates): the same fractions
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            Report aReport = backend.report("a-2022").orElseThrow();
            assertEquals(1.0, aReport.derivedFigures().get("copy_prev_share"));
            assertEquals(0.0, aReport.derivedFigures().get("copy_peer_share"));
            assertEquals(1.0, aReport.derivedFigures().get("copy_share"));
            assertNull(backend.report("c-2022").orElseThrow().derivedFigures().get("copy_prev_share"));
            // 重复率 ≥ 80%: a-2022 (100%), c-2022 and d-2022 (80%)
            assertEquals(List.of("a-2022", "c-2022", "d-2022"), backend.search(new org.disclosuresearch.search.SearchRequest(
                    "copy_share:0.8..", null, null, null, 10, null, null)).hits().stream()
                    .map(h -> h.id()).sorted().toList());
        }

        // a-2021 has no earlier report and no 2021 peer; a later report holding its sentences does not count
        CopyShares first = copies(index, "a-2021");
        assertEquals(4, first.sentences());
        assertNull(first.previous());
        assertNull(first.prevShare());
        assertEquals(0.0, first.share());

        // c-2022 copies four of d-2022's five sentences (names masked) and adds one: 4 of 5
        CopyShares c = copies(index, "c-2022");
        assertEquals(5, c.sentences());
        assertNull(c.prevShare());
        assertEquals(0.8, c.peerShare());
        assertEquals(0.8, c.share());
        assertEquals(List.of("d-2022:4"), similar(c));
        Report cReport;
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            cReport = backend.report("c-2022").orElseThrow();
        }
        CopyShares.Passage p = c.passages().get(0);
        // the title line is glued to the first sentence by the normalizer (no sentence end between them)
        assertEquals("永嘉县财政局2022年政府信息公开工作年度报告永嘉县财政局坚持以公开为常态不公开为例外的原则推进财政预决算公开。",
                cReport.text().substring(p.start(), p.end()));
        assertEquals(List.of("d-2022"), p.reports());
        assertEquals(0.8, copies(index, "d-2022").peerShare());

        for (String u : List.of("u1-2022", "u2-2022", "u3-2022", "u4-2022")) {
            CopyShares s = copies(index, u);
            assertEquals(1, s.sentences(), u);
            assertEquals(0.0, s.share(), u);
            assertEquals(List.of(), s.passages(), u);
        }
    }

    @Test
    void re_indexing_and_deleting_one_report_updates_the_others(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        Path docs = CopySeries.write(dir.resolve("docs"));
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(docs), IndexProgress.NONE);
            // a-2021 again with two of its four sentences: a-2022 now repeats 2 of its 4
            CopySeries.write(docs, CopySeries.report("a-2021", "乐清市统计局", CopySeries.YUEQING, 2021,
                    "2021年本局主动公开政府信息共计120条，其中政策文件15条。"
                            + "本局坚持把统计数据发布作为政务公开的重点，按月发布全市主要经济指标。"));
            indexer.update(List.of(docs), IndexProgress.NONE);
        }
        assertEquals(0.5, copies(index, "a-2022").prevShare());
        assertEquals(2, copies(index, "a-2022").passages().size());

        // c-2022 deleted: d-2022's sentences are its own again
        Files.delete(docs.resolve("c-2022.txt"));
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(docs), IndexProgress.NONE);
        }
        CopyShares d = copies(index, "d-2022");
        assertEquals(0.0, d.peerShare());
        assertEquals(List.of(), d.similar());

        // a-2021 deleted: a-2022 has no previous report
        Files.delete(docs.resolve("a-2021.txt"));
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(docs), IndexProgress.NONE);
        }
        CopyShares a = copies(index, "a-2022");
        assertNull(a.previous());
        assertNull(a.prevShare());
        assertEquals(0.0, a.share());
    }
}
