package org.disclosuresearch.search;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 万元 figures keep their decimals through ranges, sorting, aggregates and the stored report; negatives keep signs. */
class DecimalFiguresTest {

    static Report report(String id, String fees, Long delta) {
        Map<String, Number> figures = new LinkedHashMap<>();
        if (fees != null) {
            figures.put("fees_wan", new BigDecimal(fees));
        }
        if (delta != null) {
            figures.put("penalties", delta);
        }
        return Report.builder()
                .id(id)
                .file(id + ".txt")
                .agency("某局")
                .year(2020)
                .template("2019")
                .region(new Region("浙江省", null, null))
                .agencyType("其他")
                .figures(figures)
                .failedChecks(List.of())
                .text("正文")
                .build();
    }

    @Test
    void decimals_and_negatives_survive_indexing(@TempDir Path dir) throws Exception {
        try (Indexer indexer = new Indexer(dir, IndexerConfig.defaults())) {
            indexer.index(List.of(report("a", "1.25", -185L), report("b", "0.5", 3L), report("c", null, null)));
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(dir)) {
            assertEquals(new BigDecimal("1.25"), backend.report("a").orElseThrow().figures().get("fees_wan"));
            assertEquals(-185L, backend.report("a").orElseThrow().figures().get("penalties"));
            SearchResult r = backend.search(new SearchRequest("", null, List.of(RangeFilter.parse("fees_wan=1.1..1.3")),
                    null, 10, null, null));
            assertEquals(List.of("a"), r.hits().stream().map(SearchResult.Hit::id).toList());
            assertEquals(1, backend.search(new SearchRequest("", null, List.of(RangeFilter.parse("penalties=..-1")),
                    null, 10, null, null)).total());
            SearchResult sorted = backend.search(new SearchRequest("", null, null, SortSpec.parse("fees_wan:asc"), 10,
                    null, List.of(StatsRequest.parse("fees_wan,template"), StatsRequest.parse("penalties"))));
            assertEquals(List.of("b", "a", "c"), sorted.hits().stream().map(SearchResult.Hit::id).toList());
            SearchResult.Summary fees = sorted.stats().get(0).overall();
            assertEquals(2, fees.count());
            assertEquals(1.75, fees.sum(), 1e-9);
            assertEquals(0.5, fees.min(), 1e-9);
            assertEquals(1.25, fees.max(), 1e-9);
            assertEquals("2019", sorted.stats().get(0).buckets().get(0).value());
            assertEquals(-182.0, sorted.stats().get(1).overall().sum(), 1e-9);
        }
    }
}
