package org.disclosuresearch.bench;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlitePeerTest {

    private static Report report(String id, String province, String type, int year, long penalties, String text) {
        return Report.builder()
                .id(id)
                .file(id + ".txt")
                .agency("某某局")
                .year(year)
                .template("2021")
                .region(new Region(province, null, null))
                .agencyType(type)
                .figures(Map.of("penalties", penalties, "fees_wan", new java.math.BigDecimal("1.25")))
                .failedChecks(List.of())
                .text(text)
                .build();
    }

    @Test
    void answersPhrasesFiltersSortsAndAggregatesAndScansShortPhrases(@TempDir Path tmp) {
        Path db = tmp.resolve("peer.db");
        try (SqlitePeer peer = SqlitePeer.open(db, true)) {
            peer.add(0, report("a", "浙江省", "财政", 2021, 5, "我们推进依申请公开工作并整治盲道占用"));
            peer.add(1, report("b", "浙江省", "财政", 2022, 0, "依申请公开办理规范"));
            peer.add(2, report("c", "山东省", "教育", 2021, 30, "政策解读和盲人出行"));
            peer.finishBuild();
            assertEquals(3, peer.count());
            assertTrue(peer.sizeOnDisk() > 0);

            BitSet phrase = peer.phraseRows("依申请公开");
            assertEquals(BitSet.valueOf(new long[]{0b011}), phrase);
            // the trigram index cannot hold 盲道: the peer scans, and still finds exactly the one report
            assertTrue(SqlitePeer.usesScan("盲道"));
            assertEquals(BitSet.valueOf(new long[]{0b001}), peer.phraseRows("盲道"));

            BenchQuery filtered = new BenchQuery(BenchQuery.Kind.PHRASE_FILTERED, "依申请公开", true,
                    Map.of("province", "浙江省", "agencyType", "财政", "year", "2021"), "penalties", 1.0, 1);
            SqlitePeer.Answer a = peer.run(filtered);
            assertEquals(1, a.total());
            assertEquals(List.of(0L), a.rows());

            SqlitePeer.Answer sorted = peer.run(new BenchQuery(BenchQuery.Kind.SORT_BY_FIGURE, "", false, null,
                    "penalties", null, 1));
            assertEquals(List.of(2L, 0L, 1L), sorted.rows());

            SqlitePeer.Answer aggregate = peer.run(new BenchQuery(BenchQuery.Kind.AGGREGATE, "", false, null,
                    "penalties", null, 1));
            assertEquals(3, aggregate.total());
            assertEquals(2, aggregate.rows().size(), "one row per province");

            SqlitePeer.Answer deep = peer.run(new BenchQuery(BenchQuery.Kind.DEEP_PAGE, "依申请公开", true, null, null,
                    null, 2));
            assertEquals(2, deep.total());
            assertFalse(deep.rows().iterator().hasNext(), "page 2 of two results is empty");
        }
        // reopening keeps the data
        try (SqlitePeer peer = SqlitePeer.open(db, false)) {
            assertEquals(3, peer.count());
        }
    }
}
