package org.disclosuresearch.search;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snippets deep in long reports, for words and phrases, with the report's text escaped. */
class SnippetsTest {

    static Report report(String id, String text) {
        return Report.builder()
                .id(id)
                .file(id + ".txt")
                .agency("测试局")
                .year(2021)
                .agencyType("其他")
                .text(text)
                .build();
    }

    @Test
    void matches_far_beyond_ten_thousand_characters_are_highlighted_and_text_is_escaped(@TempDir Path dir)
            throws Exception {
        StringBuilder filler = new StringBuilder();
        while (filler.length() < 120_000) {
            filler.append("本年度持续推进各项工作，规范办理流程。");
        }
        String longText = filler + "最后一段提到深处短语和<script>alert('x')</script>的情况。";
        try (Indexer indexer = new Indexer(dir, IndexerConfig.defaults())) {
            indexer.index(List.of(report("long", longText), report("short", "开头就有深处短语。 A&B <b>粗体</b>")));
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(dir)) {
            SearchResult phrase = backend.search(new SearchRequest("\"深处短语\"", null, null,
                    SortSpec.parse("relevance"), 10, null, null));
            assertEquals(2, phrase.total());
            for (SearchResult.Hit h : phrase.hits()) {
                assertTrue(h.snippets().stream().anyMatch(s -> s.contains("<mark>深处短语</mark>")),
                        h.id() + ": " + h.snippets());
            }
            SearchResult.Hit longHit = phrase.hits().stream().filter(h -> h.id().equals("long")).findFirst().orElseThrow();
            String snippet = longHit.snippets().get(0);
            assertTrue(snippet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), snippet);
            assertFalse(snippet.contains("<script"), snippet);

            SearchResult shortHit = backend.search(new SearchRequest("\"A&B\"", null, null, null, 10, null, null));
            assertEquals(1, shortHit.total());
            String s = shortHit.hits().get(0).snippets().get(0);
            assertTrue(s.contains("<mark>A&amp;B</mark>") && s.contains("&lt;b&gt;粗体&lt;/b&gt;"), s);

            SearchResult word = backend.search(SearchRequest.of("script"));
            assertEquals(1, word.total());
            assertTrue(word.hits().get(0).snippets().get(0).contains("<mark>script</mark>"),
                    word.hits().get(0).snippets().toString());
        }
    }

    /** One character is found through the bigrams it starts (the exact field holds no unigrams) but marked alone. */
    @Test
    void a_one_character_search_marks_that_character_everywhere_also_at_the_end_of_the_text(@TempDir Path dir)
            throws Exception {
        try (Indexer indexer = new Indexer(dir, IndexerConfig.defaults())) {
            indexer.index(List.of(report("a", "规范办理流程，开头就有深处短语。最后一句话深"),
                    report("b", "另一份报告没有那个字。")));
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(dir)) {
            for (String q : List.of("\"深\"", "深")) {
                SearchResult r = backend.search(SearchRequest.of(q));
                assertEquals(1, r.total(), q);
                assertEquals(List.of("规范办理流程,开头就有<mark>深</mark>处短语。最后一句话<mark>深</mark>"),
                        r.hits().get(0).snippets(), q);
            }
            SearchResult phrase = backend.search(SearchRequest.of("\"深处\""));
            assertEquals(List.of("规范办理流程,开头就有<mark>深处</mark>短语。最后一句话深"), phrase.hits().get(0).snippets());
        }
    }
}
