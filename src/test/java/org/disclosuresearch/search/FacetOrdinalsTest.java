package org.disclosuresearch.search;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Facet counts from the per-segment ordinal arrays stay right as segments come and go (new commits, merges). */
class FacetOrdinalsTest {

    @TempDir
    Path indexDir;

    @Test
    void counts_follow_new_segments_and_a_reopened_index() throws Exception {
        List<Report> seeds = SeedReports.load();
        try (Indexer indexer = new Indexer(indexDir, IndexerConfig.defaults())) {
            indexer.index(seeds.subList(0, 2));
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(indexDir)) {
            assertEquals(expected(seeds.subList(0, 2)), byType(backend));
            for (int i = 2; i < seeds.size(); i++) { // one commit, one segment each
                try (Indexer indexer = new Indexer(indexDir, IndexerConfig.defaults())) {
                    indexer.index(seeds.subList(i, i + 1));
                }
                backend.refresh();
                assertEquals(expected(seeds.subList(0, i + 1)), byType(backend));
                assertEquals(i + 1, backend.search(new SearchRequest("", Map.of("agencyType",
                        List.of(seeds.get(i).agencyType())), null, null, 0, null, null)).facets().get("agencyType")
                        .stream().mapToLong(SearchResult.FacetValue::count).sum(), "drill-sideways keeps every type");
            }
        }
        try (LuceneSearchBackend reopened = LuceneSearchBackend.open(indexDir)) {
            assertEquals(expected(seeds), byType(reopened));
        }
    }

    private static Map<String, Long> expected(List<Report> reports) {
        return reports.stream().collect(Collectors.groupingBy(Report::agencyType, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> byType(LuceneSearchBackend backend) {
        return backend.search(new SearchRequest("", null, null, null, 0, null, null)).facets().get("agencyType")
                .stream().collect(Collectors.toMap(SearchResult.FacetValue::value, SearchResult.FacetValue::count,
                        (a, b) -> a, TreeMap::new));
    }
}
