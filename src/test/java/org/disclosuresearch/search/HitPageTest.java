package org.disclosuresearch.search;

import org.disclosuresearch.index.HitFields;
import org.disclosuresearch.query.Highlights;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryLanguage;
import org.disclosuresearch.query.QueryNode;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page of hits reads each hit's fields from doc values and its snippets from the stored text: what it shows must be
 * what the stored report says (the seeds, the real reports and synthetic ones of the contract corpus), and the
 * snippets and mark counts those of the query tree over the report's text.
 */
class HitPageTest {

    @TempDir
    static Path dir;
    static List<Report> corpus;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        corpus = ContractCorpus.load();
        backend = SeedReports.indexAndOpen(dir, corpus);
    }

    @AfterAll
    static void close() throws Exception {
        backend.close();
    }

    @Test
    void every_hit_shows_the_fields_of_its_stored_report() {
        for (Report r : corpus) {
            SearchResult result = backend.search(SearchRequest.of("id:" + r.id()));
            assertEquals(1, result.hits().size(), r.id());
            SearchResult.Hit hit = result.hits().get(0);
            Report stored = backend.report(r.id()).orElseThrow();
            HitFields expected = HitFields.of(stored);
            assertEquals(expected, new HitFields(hit.id(), hit.agency(), hit.year(), hit.region(), hit.agencyType(),
                    hit.template(), hit.figures(), hit.failedChecks(), hit.agencyKey(), hit.derivedFigures()), r.id());
            // BigDecimal equality includes the scale: 12.30 shown as 12.30
            assertEquals(List.copyOf(expected.figures().values()).toString(),
                    List.copyOf(hit.figures().values()).toString(), r.id());
        }
    }

    /**
     * A relevance page and the pages after it by cursor are the head of the ranking of every match: the same hits,
     * scores and order as a page large enough to hold every match (a guard for any ranking shortcut, such as a
     * pass that skips reports which cannot reach the page).
     */
    @Test
    void a_relevance_page_is_the_head_of_the_ranking_of_every_match() {
        int compared = 0;
        for (String query : List.of("\"依申请公开\"", "政府信息", "\"行政复议\" OR \"行政诉讼\"", "公开 -朋友圈",
                "\"信息公开\" 年度报告")) {
            SearchResult all = backend.search(new SearchRequest(query, Map.of(), List.of(), SortSpec.RELEVANCE,
                    SearchRequest.MAX_PAGE_SIZE, null, List.of()));
            assertTrue(all.total() <= SearchRequest.MAX_PAGE_SIZE, "the reference page holds every match: " + query);
            String cursor = null;
            for (int from = 0; from < Math.min(30, all.hits().size()); from += 10) {
                SearchResult page = backend.search(new SearchRequest(query, Map.of(), List.of(), SortSpec.RELEVANCE,
                        10, cursor, List.of()));
                assertEquals(all.total(), page.total(), query);
                List<SearchResult.Hit> expected = all.hits().subList(from, Math.min(from + 10, all.hits().size()));
                assertEquals(expected.stream().map(SearchResult.Hit::id).toList(),
                        page.hits().stream().map(SearchResult.Hit::id).toList(), query + " from " + from);
                assertEquals(expected.stream().map(SearchResult.Hit::score).toList(),
                        page.hits().stream().map(SearchResult.Hit::score).toList(), query + " from " + from);
                cursor = page.nextCursor();
                compared += page.hits().size();
            }
        }
        assertTrue(compared > 50, "hits compared: " + compared);
    }

    @Test
    void snippets_and_mark_counts_are_those_of_the_query_tree_over_the_stored_text() {
        int checked = 0;
        for (String query : List.of("\"依申请公开\"", "政府信息", "\"行政复议\" OR \"行政诉讼\"", "公开 -朋友圈")) {
            for (MatchMode mode : MatchMode.values()) {
                QueryNode tree = QueryLanguage.parse(query, mode, Analyzers.wordSegmenter());
                SearchRequest request = new SearchRequest(query, Map.of(), List.of(), SortSpec.RELEVANCE, 50, null,
                        List.of(), mode);
                SearchResult result = backend.search(request);
                assertFalse(result.hits().isEmpty(), query);
                for (SearchResult.Hit hit : result.hits()) {
                    Highlights.Hit expected = Highlights.hit(tree, backend.report(hit.id()).orElseThrow().text());
                    assertEquals(expected.snippets(), hit.snippets(), query + " in " + hit.id());
                    assertEquals(expected.matchCount(), hit.matchCount(), query + " in " + hit.id());
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "hits checked: " + checked);
    }
}
