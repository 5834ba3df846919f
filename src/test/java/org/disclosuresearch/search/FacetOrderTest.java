package org.disclosuresearch.search;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Years are listed newest first whatever their counts; other dimensions most frequent first. */
class FacetOrderTest {

    @Test
    void years_newest_first_other_dimensions_by_count(@TempDir Path dir) throws Exception {
        List<Report> reports = new ArrayList<>();
        int[] years = {2019, 2019, 2019, 2021, 2020, 2020, 2008};
        String[] types = {"其他", "医疗保障", "医疗保障", "医疗保障", "卫生健康", "卫生健康", "医疗保障"};
        for (int i = 0; i < years.length; i++) {
            reports.add(Report.builder()
                    .id("r" + i)
                    .file("r" + i + ".txt")
                    .agency("测试局" + i)
                    .year(years[i])
                    .agencyType(types[i])
                    .text("本年度依申请公开工作情况。")
                    .build());
        }
        try (Indexer indexer = new Indexer(dir, IndexerConfig.defaults())) {
            indexer.index(reports);
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(dir)) {
            SearchResult r = backend.search(SearchRequest.of("依申请公开"));
            assertEquals(years.length, r.total());
            assertEquals(List.of("2021:1", "2020:2", "2019:3", "2008:1"), values(r.facets().get("year")));
            assertEquals(List.of("医疗保障:4", "卫生健康:2", "其他:1"), values(r.facets().get("agencyType")));
        }
    }

    private static List<String> values(List<SearchResult.FacetValue> facet) {
        return facet.stream().map(v -> v.value() + ":" + v.count()).toList();
    }
}
