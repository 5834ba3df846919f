package org.disclosuresearch.search;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search whose counts are known answers from them and looks only for its page: it must answer exactly what the
 * first (counting) run answered, page by page and in every sort, and a new commit must never be answered from the
 * counts of the reports before it.
 */
class SearchCountsTest {

    @TempDir
    Path dir;

    private static final List<SearchRequest> REQUESTS = List.of(
            request("\"依申请公开\"", Map.of(), List.of(), SortSpec.RELEVANCE, List.of()),
            request("\"依申请公开\"", Map.of(), List.of(), SortSpec.parse("year:desc"), List.of()),
            request("公开", Map.of(), List.of(), SortSpec.parse("apps_new_total:desc"), List.of()),
            request("\"政府信息\"", Map.of("year", List.of("2022", "2023")),
                    List.of(new RangeFilter("apps_new_total", 1.0, null)), SortSpec.parse("penalties:asc"),
                    List.of(new StatsRequest("apps_new_total", "province"))),
            request("", Map.of("province", List.of("福建省")), List.of(), SortSpec.RELEVANCE,
                    List.of(new StatsRequest("penalties", null))),
            request("公开 -朋友圈", Map.of(), List.of(new RangeFilter("year", 2020.0, 2023.0)), SortSpec.RELEVANCE,
                    List.of()));

    private static SearchRequest request(String q, Map<String, List<String>> facets, List<RangeFilter> ranges,
                                         SortSpec sort, List<StatsRequest> stats) {
        return new SearchRequest(q, facets, ranges, sort, 10, null, stats, MatchMode.EXACT);
    }

    @Test
    void known_counts_answer_every_page_and_sort_as_the_counting_run_did() throws Exception {
        List<Report> corpus = ContractCorpus.load();
        List<List<SearchResult>> counted = new ArrayList<>();
        try (LuceneSearchBackend backend = SeedReports.indexAndOpen(dir, corpus)) {
            for (SearchRequest r : REQUESTS) {
                counted.add(pages(backend, r)); // the first page counts; the pages after it use the counts
            }
            assertEquals(REQUESTS.stream().map(SearchCounts.Key::of).distinct().count(),
                    (long) backend.searchesCounted(), "one count per distinct request, whatever its sort and pages");
            int compared = 0;
            for (int i = 0; i < REQUESTS.size(); i++) {
                List<SearchResult> again = pages(backend, REQUESTS.get(i));
                assertEquals(counted.get(i), again, REQUESTS.get(i).toString());
                assertTrue(again.get(0).total() > 0, "the request finds something: " + REQUESTS.get(i));
                compared += again.size();
            }
            assertTrue(compared > REQUESTS.size(), "more than first pages compared: " + compared);
        }
        // and what a backend that has counted nothing answers, page by page
        for (int i = 0; i < REQUESTS.size(); i++) {
            String cursor = null;
            for (SearchResult page : counted.get(i)) {
                try (LuceneSearchBackend once = LuceneSearchBackend.open(dir)) {
                    assertEquals(page, once.search(withCursor(REQUESTS.get(i), cursor)),
                            REQUESTS.get(i) + " " + cursor);
                }
                cursor = page.nextCursor();
            }
        }
    }

    @Test
    void a_backend_opened_not_to_remember_counts_every_search_again() throws Exception {
        try (LuceneSearchBackend indexed = SeedReports.indexAndOpen(dir, SeedReports.load())) {
            SearchResult remembered = indexed.search(REQUESTS.get(0));
            try (LuceneSearchBackend counting = LuceneSearchBackend.open(dir, false)) {
                assertEquals(remembered, counting.search(REQUESTS.get(0)));
                assertEquals(remembered, counting.search(REQUESTS.get(0)));
                assertEquals(0, counting.searchesCounted());
            }
            assertEquals(1, indexed.searchesCounted());
        }
    }

    @Test
    void a_new_commit_is_counted_again() throws Exception {
        List<Report> corpus = SeedReports.load();
        int half = corpus.size() / 2;
        try (LuceneSearchBackend backend = SeedReports.indexAndOpen(dir, corpus.subList(0, half))) {
            SearchRequest all = request("", Map.of(), List.of(), SortSpec.RELEVANCE,
                    List.of(new StatsRequest("apps_new_total", null)));
            SearchResult before = backend.search(all);
            assertEquals(half, before.total());
            assertEquals(before, backend.search(all));
            try (Indexer indexer = new Indexer(dir, IndexerConfig.defaults())) {
                indexer.index(corpus.subList(half, corpus.size()));
            }
            backend.refresh();
            SearchResult after = backend.search(all);
            assertEquals(corpus.size(), after.total());
            long yearCounts = after.facets().get("year").stream().mapToLong(SearchResult.FacetValue::count).sum();
            assertTrue(yearCounts > before.facets().get("year").stream().mapToLong(SearchResult.FacetValue::count)
                    .sum(), "facet counts of the new commit");
            assertTrue(after.stats().get(0).overall().count() > before.stats().get(0).overall().count());
        }
    }

    @Test
    void counts_are_kept_for_one_index_version_and_within_their_weight() {
        SearchCounts cache = new SearchCounts(10);
        Object v1 = new Object();
        Object v2 = new Object();
        SearchCounts.Key a = SearchCounts.Key.of(SearchRequest.of("a"));
        SearchCounts.Key b = SearchCounts.Key.of(SearchRequest.of("b"));
        SearchCounts.Key c = SearchCounts.Key.of(SearchRequest.of("c"));
        cache.put(v1, a, counts(4)); // weight 5
        cache.put(v1, b, counts(3)); // weight 4
        assertNotNull(cache.get(v1, a)); // a is now the most recently used
        assertNull(cache.get(v2, a), "another index version knows nothing");
        cache.put(v1, c, counts(2)); // weight 3: 12 > 10, b (least recently used) goes
        assertNull(cache.get(v1, b));
        assertNotNull(cache.get(v1, a));
        assertNotNull(cache.get(v1, c));
        assertEquals(SearchCounts.Key.of(SearchRequest.of("a")), SearchCounts.Key.of(new SearchRequest("a",
                Map.of(), List.of(), SortSpec.parse("year:desc"), 50, "some-cursor", List.of())),
                "sort, page size and cursor do not change the counts");
        cache.put(v1, b, counts(20)); // heavier than all the cache may hold: not kept, nothing evicted for it
        assertNull(cache.get(v1, b));
        assertEquals(2, cache.size());
        cache.put(v2, b, counts(1));
        assertEquals(1, cache.size(), "a new index version drops the counts of the old one");
        assertNull(cache.get(v1, a));
    }

    private static SearchCounts.Counts counts(int facetValues) {
        List<SearchResult.FacetValue> values = new ArrayList<>();
        for (int i = 0; i < facetValues; i++) {
            values.add(new SearchResult.FacetValue("v" + i, 1, List.of()));
        }
        return new SearchCounts.Counts(facetValues, Map.of("year", values), List.of());
    }

    private static SearchRequest withCursor(SearchRequest r, String cursor) {
        return new SearchRequest(r.query(), r.facets(), r.ranges(), r.sort(), r.size(), cursor, r.stats(), r.match());
    }

    /** Up to four pages of {@code r}, each after the previous page's cursor. */
    private static List<SearchResult> pages(LuceneSearchBackend backend, SearchRequest r) {
        List<SearchResult> out = new ArrayList<>();
        String cursor = null;
        do {
            SearchResult page = backend.search(withCursor(r, cursor));
            out.add(page);
            cursor = page.nextCursor();
        } while (cursor != null && out.size() < 4);
        return out;
    }
}
