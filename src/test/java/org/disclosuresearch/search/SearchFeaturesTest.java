package org.disclosuresearch.search;

import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facets, filters, sorting, paging, aggregates, the query language and snippets over the indexed seeds. */
class SearchFeaturesTest {

    @TempDir
    static Path indexDir;
    static List<Report> seeds;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void buildIndex() throws Exception {
        seeds = SeedReports.load();
        backend = SeedReports.indexAndOpen(indexDir, seeds);
    }

    @AfterAll
    static void close() throws Exception {
        backend.close();
    }

    static SearchResult search(String q, Map<String, List<String>> facets, List<RangeFilter> ranges, SortSpec sort,
                               int size) {
        return backend.search(new SearchRequest(q, facets, ranges, sort, size, null, null));
    }

    static Set<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).collect(Collectors.toSet());
    }

    static long countOf(List<SearchResult.FacetValue> values, String value) {
        return values.stream().filter(v -> v.value().equals(value)).mapToLong(SearchResult.FacetValue::count)
                .findFirst().orElse(0);
    }

    static String id(String prefix) {
        return seeds.stream().map(Report::id).filter(i -> i.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void penalties_from_1000_is_seed_004_only() {
        SearchResult r = search("", null, List.of(RangeFilter.parse("penalties=1000..")), null, 10);
        assertEquals(Set.of(id("004")), ids(r));
        assertEquals(1, r.total());
    }

    @Test
    void ranges_match_the_seed_figures_and_never_an_absent_figure() {
        for (String spec : List.of("apps_new_total=..1", "penalties=2..5", "penalties=..1193", "fees_wan=0..0",
                "fees_wan=-0.5..0.5", "year=2021..", "year=..2020")) {
            RangeFilter range = RangeFilter.parse(spec);
            Set<String> expected = seeds.stream().filter(s -> {
                Number v = range.field().equals("year") ? s.year() : s.figures().get(range.field());
                return v != null && (range.min() == null || v.doubleValue() >= range.min())
                        && (range.max() == null || v.doubleValue() <= range.max());
            }).map(Report::id).collect(Collectors.toSet());
            assertEquals(expected, ids(search("", null, List.of(range), null, 10)), spec);
        }
        // seed 003 printed no tables: it matches no range on a figure, not even ..0
        assertFalse(ids(search("", null, List.of(RangeFilter.parse("penalties=..0")), null, 10)).contains(id("003")));
    }

    @Test
    void unknown_figure_or_malformed_range_is_an_invalid_request() {
        assertEquals("range", assertThrows(InvalidRequestException.class,
                () -> RangeFilter.parse("no_such_figure=1..")).parameter());
        assertThrows(InvalidRequestException.class, () -> RangeFilter.parse("penalties=abc.."));
        assertThrows(InvalidRequestException.class, () -> RangeFilter.parse("penalties=5..1"));
        assertThrows(InvalidRequestException.class, () -> RangeFilter.parse("penalties=.."));
        assertThrows(InvalidRequestException.class, () -> RangeFilter.parse("penalties"));
        assertThrows(InvalidRequestException.class, () -> RangeFilter.parse("penalties=1..2..3"));
        assertEquals(new RangeFilter("penalties", 1000.0, null), RangeFilter.parse("penalties:1000.."));
        assertEquals(new RangeFilter("apps_new_total", null, 10.0), RangeFilter.parse("apps_new_total=..10"));
        assertThrows(InvalidRequestException.class, () -> SortSpec.parse("nope:asc"));
        assertThrows(InvalidRequestException.class, () -> SortSpec.parse("penalties:up"));
        assertThrows(InvalidRequestException.class, () -> StatsRequest.parse("penalties,colour"));
        assertThrows(InvalidRequestException.class, () -> FacetSelection.parse(List.of("colour=red")));
    }

    @Test
    void facet_counts_match_the_seeds() {
        SearchResult r = search("", null, null, null, 0);
        assertEquals(5, r.total());
        assertTrue(r.hits().isEmpty());
        Map<String, Long> byType = seeds.stream().collect(Collectors.groupingBy(Report::agencyType, TreeMap::new,
                Collectors.counting()));
        assertEquals(byType, r.facets().get("agencyType").stream().collect(Collectors.toMap(
                SearchResult.FacetValue::value, SearchResult.FacetValue::count, (a, b) -> a, TreeMap::new)));
        assertEquals(4, countOf(r.facets().get("template"), "2021"));
        assertEquals(1, countOf(r.facets().get("template"), "none"));
        assertEquals(1, countOf(r.facets().get("checks"), "yes"));
        assertEquals(4, countOf(r.facets().get("checks"), "no"));
        assertEquals(5, countOf(r.facets().get("year"), "2021"));
        assertEquals(5, countOf(r.facets().get("format"), "txt"));

        List<SearchResult.FacetValue> region = r.facets().get("region");
        assertEquals(3, countOf(region, "浙江省"));
        assertEquals(2, countOf(region, "山东省"));
        SearchResult.FacetValue zhejiang = region.stream().filter(v -> v.value().equals("浙江省")).findFirst().orElseThrow();
        assertEquals(2, countOf(zhejiang.children(), "温州市"));
        assertEquals(1, countOf(zhejiang.children(), "嘉兴市"));
        SearchResult.FacetValue wenzhou = zhejiang.children().stream().filter(v -> v.value().equals("温州市"))
                .findFirst().orElseThrow();
        assertEquals(2, countOf(wenzhou.children(), "乐清市"));
        SearchResult.FacetValue shandong = region.stream().filter(v -> v.value().equals("山东省")).findFirst().orElseThrow();
        SearchResult.FacetValue weihai = shandong.children().stream().filter(v -> v.value().equals("威海市"))
                .findFirst().orElseThrow();
        assertTrue(weihai.children().isEmpty(), "威海市医疗保障局 has no county");
    }

    @Test
    void facet_counts_of_every_dimension_agree_with_the_matching_reports_for_any_query() {
        for (String q : List.of("", "朋友圈", "依申请公开 -朋友圈", "\"三审三校\"", "医保", "agency:乐清市")) {
            SearchResult r = search(q, null, null, null, 10);
            assertEquals(r.total(), r.hits().size(), q);
            Map<String, Long> types = r.hits().stream().collect(Collectors.groupingBy(SearchResult.Hit::agencyType,
                    TreeMap::new, Collectors.counting()));
            Map<String, Long> years = r.hits().stream().collect(Collectors.groupingBy(h -> String.valueOf(h.year()),
                    TreeMap::new, Collectors.counting()));
            Map<String, Long> provinces = r.hits().stream().collect(Collectors.groupingBy(h -> h.region().province(),
                    TreeMap::new, Collectors.counting()));
            assertEquals(types, asMap(r.facets().get("agencyType")), q);
            assertEquals(years, asMap(r.facets().get("year")), q);
            assertEquals(provinces, asMap(r.facets().get("region")), q);
            assertEquals(r.total(), r.facets().get("format").stream().mapToLong(SearchResult.FacetValue::count).sum(), q);
        }
    }

    static Map<String, Long> asMap(List<SearchResult.FacetValue> values) {
        return values.stream().collect(Collectors.toMap(SearchResult.FacetValue::value,
                SearchResult.FacetValue::count, (a, b) -> a, TreeMap::new));
    }

    @Test
    void multi_select_ors_within_a_dimension_and_counts_each_dimension_as_if_its_own_selection_were_off() {
        SearchResult one = search("", Map.of("province", List.of("山东省")), null, null, 10);
        assertEquals(2, one.total());
        // the province dimension still shows every province (drill-sideways) …
        assertEquals(3, countOf(one.facets().get("region"), "浙江省"));
        assertEquals(2, countOf(one.facets().get("region"), "山东省"));
        // … while the other dimensions count the selection
        assertEquals(1, countOf(one.facets().get("template"), "2021"));
        assertEquals(1, countOf(one.facets().get("template"), "none"));

        SearchResult both = search("", Map.of("province", List.of("山东省", "浙江省")), null, null, 10);
        assertEquals(5, both.total());

        SearchResult twoDims = search("", Map.of("province", List.of("浙江省"), "agencyType", List.of("卫生健康")),
                null, null, 10);
        assertEquals(Set.of(id("004")), ids(twoDims));
        // agencyType counted with the province filter only, province counted with the agencyType filter only
        assertEquals(2, countOf(twoDims.facets().get("agencyType"), "医疗保障"));
        assertEquals(1, countOf(twoDims.facets().get("agencyType"), "卫生健康"));
        assertEquals(1, countOf(twoDims.facets().get("region"), "浙江省"));
        assertEquals(0, countOf(twoDims.facets().get("region"), "山东省"));

        assertEquals(Set.of(id("000"), id("004")), ids(search("", Map.of("county", List.of("乐清市")), null, null, 10)));
        assertEquals(Set.of(id("001")), ids(search("", Map.of("city", List.of("威海市")), null, null, 10)));
        assertEquals(Set.of(id("004")), ids(search("", Map.of("checks", List.of("yes")), null, null, 10)));
        assertEquals(Set.of(id("003")), ids(search("", Map.of("template", List.of("none")), null, null, 10)));
    }

    @Test
    void sorts_by_figure_both_ways_with_absent_figures_last() {
        List<String> desc = search("", null, null, SortSpec.parse("penalties:desc"), 10).hits().stream()
                .map(SearchResult.Hit::id).toList();
        List<String> expectedDesc = seeds.stream().filter(s -> s.figures().containsKey("penalties"))
                .sorted(Comparator.comparingLong((Report s) -> s.figures().get("penalties").longValue()).reversed()
                        .thenComparing(Report::id))
                .map(Report::id).collect(Collectors.toCollection(ArrayList::new));
        expectedDesc.add(id("003"));
        assertEquals(expectedDesc, desc);
        List<String> asc = search("", null, null, SortSpec.parse("penalties:asc"), 10).hits().stream()
                .map(SearchResult.Hit::id).toList();
        assertEquals(id("000"), asc.get(0));
        assertEquals(id("003"), asc.get(4));
        assertEquals(5, search("", null, null, SortSpec.parse("year"), 10).hits().size());
        assertEquals(5, search("", null, null, SortSpec.parse("fees_wan:asc"), 10).hits().size());
    }

    @Test
    void cursor_pages_through_every_result_once_in_order() {
        for (String sort : List.of("relevance", "penalties:desc", "apps_new_total:asc", "year:desc")) {
            List<String> all = search("公开", null, null, SortSpec.parse(sort), 100).hits().stream()
                    .map(SearchResult.Hit::id).toList();
            List<String> paged = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 10; page++) {
                SearchResult r = backend.search(new SearchRequest("公开", null, null, SortSpec.parse(sort), 2, cursor,
                        null));
                r.hits().forEach(h -> paged.add(h.id()));
                cursor = r.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
            assertEquals(all, paged, sort);
            assertEquals(5, new HashSet<>(paged).size(), sort);
        }
        // five matches in pages of five: the one page is the last, with no cursor to an empty next page
        assertNull(search("公开", null, null, SortSpec.parse("relevance"), 5).nextCursor());
        assertNotNull(search("公开", null, null, SortSpec.parse("relevance"), 4).nextCursor());
        assertThrows(InvalidRequestException.class, () -> backend.search(new SearchRequest("", null, null, null, 2,
                "not-a-cursor!", null)));
        String cursor = search("", null, null, SortSpec.parse("penalties"), 2).nextCursor();
        assertNotNull(cursor);
        assertThrows(InvalidRequestException.class, () -> backend.search(new SearchRequest("", null, null,
                SortSpec.parse("year"), 2, cursor, null)));
    }

    @Test
    void aggregates_over_the_whole_result_set_overall_and_by_dimension() {
        SearchResult r = backend.search(new SearchRequest("", null, null, null, 1, null,
                List.of(StatsRequest.parse("penalties,province"), StatsRequest.parse("fees_wan"),
                        StatsRequest.parse("penalties,year"))));
        SearchResult.Stats penalties = r.stats().get(0);
        List<Long> values = seeds.stream().map(s -> s.figures().get("penalties")).filter(Objects::nonNull)
                .map(Number::longValue).toList();
        assertEquals(values.size(), penalties.overall().count());
        assertEquals(values.stream().mapToLong(Long::longValue).sum(), penalties.overall().sum());
        assertEquals(values.stream().mapToLong(Long::longValue).max().orElseThrow(), penalties.overall().max());
        assertEquals(values.stream().mapToLong(Long::longValue).min().orElseThrow(), penalties.overall().min());
        assertEquals(penalties.overall().sum() / values.size(), penalties.overall().mean(), 1e-9);
        Map<String, Double> byProvince = penalties.buckets().stream().collect(Collectors.toMap(
                SearchResult.Bucket::value, b -> b.summary().sum()));
        Map<String, Double> expected = seeds.stream().filter(s -> s.figures().containsKey("penalties"))
                .collect(Collectors.groupingBy(s -> s.region().province(),
                        Collectors.summingDouble(s -> s.figures().get("penalties").doubleValue())));
        assertEquals(expected, byProvince);
        assertEquals(BigDecimal.ZERO.doubleValue(), r.stats().get(1).overall().sum());
        assertEquals(4, r.stats().get(1).overall().count());
        assertEquals(1, r.stats().get(2).buckets().size());

        // stats follow the filters
        SearchResult zj = backend.search(new SearchRequest("", Map.of("province", List.of("浙江省")), null, null, 0,
                null, List.of(StatsRequest.parse("penalties"))));
        assertEquals(expected.get("浙江省"), zj.stats().get(0).overall().sum());
        SearchResult none = backend.search(new SearchRequest("\"xyz不存在\"", null, null, null, 0, null,
                List.of(StatsRequest.parse("penalties"))));
        assertEquals(0, none.stats().get(0).overall().count());
        assertNull(none.stats().get(0).overall().mean());
    }

    @Test
    void query_language_words_or_exclusion_prefixes_ranges_and_errors() {
        assertEquals(Set.of(id("000")), ids(search("朋友圈", null, null, null, 10)));
        assertEquals(5, search("依申请公开", null, null, null, 10).total());
        Set<String> friends = ids(search("朋友圈", null, null, null, 10));
        Set<String> longCare = ids(search("\"长护险\"", null, null, null, 10));
        Set<String> either = new HashSet<>(friends);
        either.addAll(longCare);
        assertEquals(either, ids(search("朋友圈 OR \"长护险\"", null, null, null, 10)));
        assertEquals(5 - friends.size(), search("依申请公开 -朋友圈", null, null, null, 10).total());
        assertEquals(5 - friends.size(), search("依申请公开 NOT 朋友圈", null, null, null, 10).total());
        assertEquals(5 - friends.size(), search("-朋友圈", null, null, null, 10).total());
        assertEquals(Set.of(id("000"), id("004")), ids(search("agency:乐清市", null, null, null, 10)));
        assertEquals(Set.of(id("004")), ids(search("agency:\"卫生健康局\"", null, null, null, 10)));
        assertEquals(Set.of(id("001")), ids(search("id:" + id("001"), null, null, null, 10)));
        for (String quoted : List.of("“三审三校”", "「三审三校」", "『三审三校』", "＂三审三校＂")) {
            assertEquals(ids(search("\"三审三校\"", null, null, null, 10)), ids(search(quoted, null, null, null, 10)),
                    quoted);
        }
        assertEquals(1, search("\"18-70\"", null, null, null, 10).total());
        // inside ASCII quotes a Chinese quotation mark is just a character of the phrase
        long withMark = seeds.stream().filter(s -> s.text().contains("危及“三安全一稳定”")).count();
        assertTrue(withMark > 0);
        assertEquals(withMark, search("\"危及“三安全一稳定”\"", null, null, null, 10).total());
        assertEquals(withMark, search("\"及“三安全一\"", null, null, null, 10).total());
        // a figure range in the query is the same filter as range=
        assertEquals(ids(search("", null, List.of(RangeFilter.parse("penalties=1000..")), null, 10)),
                ids(search("penalties:1000..", null, null, null, 10)));
        assertEquals(ids(search("依申请公开", null, List.of(RangeFilter.parse("year=..2020")), null, 10)),
                ids(search("依申请公开 year:..2020", null, null, null, 10)));
        // OR binds tighter than the implicit AND: (朋友圈 OR 长护险) and 依申请公开
        assertEquals(either, ids(search("朋友圈 OR 长护险 依申请公开", null, null, null, 10)));
        assertEquals(either, ids(search("(朋友圈 OR 长护险) AND 依申请公开", null, null, null, 10)));
        assertThrows(InvalidRequestException.class, () -> search("", null, null, null, -1));
        assertThrows(InvalidRequestException.class,
                () -> search("", Map.of("colour", List.of("red")), null, null, 10));
    }

    @Test
    void an_unquoted_run_is_one_exact_string_by_default_and_words_in_any_order_when_asked() {
        // 依申请公开朋友圈 occurs nowhere as one string; its words do, all of them in seed 000 only
        assertEquals(0, search("依申请公开朋友圈", null, null, null, 10).total());
        SearchResult byWords = backend.search(new SearchRequest("依申请公开朋友圈", null, null, null, 10, null, null,
                MatchMode.WORDS));
        assertEquals(Set.of(id("000")), ids(byWords));
        // the exact search that found nothing says what the word match would find
        assertEquals(1L, search("依申请公开朋友圈", null, null, null, 10).wordMatchTotal());
        assertNull(search("依申请公开", null, null, null, 10).wordMatchTotal());
        // several runs must all occur, each as one string
        assertEquals(friends(), ids(search("依申请公开 朋友圈", null, null, null, 10)));

        List<String> pieces = Analyzers.wordSegmenter().words("医保局长");
        assertTrue(pieces.size() > 1, "smartcn cuts 医保局长 into " + pieces);
        // matching words: every hit holds every piece (or the word itself), never just one of them
        for (SearchResult.Hit h : backend.search(new SearchRequest("医保局长", null, null, null, 10, null, null,
                MatchMode.WORDS)).hits()) {
            String text = backend.report(h.id()).orElseThrow().text();
            assertTrue(text.contains("医保局长") || pieces.stream().allMatch(text::contains), h.id());
        }
        // exact: only reports that hold the string
        for (SearchResult.Hit h : search("医保局长", null, null, null, 10).hits()) {
            assertTrue(backend.report(h.id()).orElseThrow().text().contains("医保局长"), h.id());
        }
    }

    private static Set<String> friends() {
        return seeds.stream().filter(s -> s.text().contains("朋友圈") && s.text().contains("依申请公开"))
                .map(Report::id).collect(Collectors.toSet());
    }

    @Test
    void match_count_is_the_number_of_marks_and_no_lone_character_is_marked() {
        SearchResult r = search("依申请公开", null, null, null, 10);
        for (SearchResult.Hit h : r.hits()) {
            String text = backend.report(h.id()).orElseThrow().text();
            int occurrences = 0;
            for (int at = text.indexOf("依申请公开"); at >= 0; at = text.indexOf("依申请公开", at + 5)) {
                occurrences++;
            }
            assertEquals(occurrences, h.matchCount(), h.id());
            TextWindow whole = backend.highlightedText(h.id(), "依申请公开", MatchMode.EXACT, 0, Integer.MAX_VALUE)
                    .orElseThrow();
            assertEquals(occurrences, whole.matches(), h.id());
            assertEquals(occurrences, whole.html().split("<mark>", -1).length - 1, h.id());
            assertFalse(whole.html().contains("<mark>公开</mark>"), h.id());
            // matching words marks the words of two or more characters, never a lone 依
            TextWindow words = backend.highlightedText(h.id(), "依申请公开", MatchMode.WORDS, 0, Integer.MAX_VALUE)
                    .orElseThrow();
            assertFalse(words.html().contains("<mark>依</mark>"), h.id());
            assertTrue(words.matches() >= occurrences, h.id());
        }
    }

    @Test
    void an_unquoted_word_finds_every_report_holding_it_verbatim_and_marks_it_there() {
        // words smartcn keeps whole and words it cuts; substrings that cross smartcn's cuts in the text too
        for (String word : List.of("依申请公开", "医保", "政府信息", "信息公开", "公开工", "朋友圈", "长护险")) {
            Set<String> verbatim = seeds.stream().filter(s -> s.text().contains(word)).map(Report::id)
                    .collect(Collectors.toSet());
            SearchResult r = search(word, null, null, null, 10);
            assertTrue(ids(r).containsAll(verbatim), word + ": " + verbatim + " not all in " + ids(r));
            for (SearchResult.Hit h : r.hits()) {
                assertFalse(Float.isNaN(h.score()) || h.score() <= 0, word + " " + h.id() + " score " + h.score());
                if (verbatim.contains(h.id())) {
                    assertTrue(h.snippets().stream().anyMatch(sn -> sn.contains("<mark>")), word + " " + h.id());
                }
            }
        }
    }

    @Test
    void snippets_mark_one_span_per_phrase_and_escape_the_text() {
        SearchResult r = search("\"依申请公开\"", null, null, null, 10);
        for (SearchResult.Hit h : r.hits()) {
            assertFalse(h.snippets().isEmpty(), h.id());
            assertTrue(h.snippets().stream().anyMatch(s -> s.contains("<mark>依申请公开</mark>")), h.id() + " " + h.snippets());
            for (String s : h.snippets()) {
                String outside = s.replace("<mark>", "").replace("</mark>", "");
                assertFalse(outside.contains("<") || outside.contains(">"), s);
            }
        }
        // seed 000 writes 依申\n\n请公开 across lines: the normalized text joins it, and so does the highlight
        SearchResult.Hit seed000 = r.hits().stream().filter(h -> h.id().equals(id("000"))).findFirst().orElseThrow();
        assertTrue(seed000.snippets().stream().anyMatch(s -> s.contains("<mark>依申请公开</mark>")));
        assertFalse(seed000.snippets().stream().anyMatch(s -> s.contains("<mark>依申</mark>")));
    }

    @Test
    void report_returns_the_stored_report_with_its_text() {
        Report seed = seeds.get(4);
        Report stored = backend.report(seed.id()).orElseThrow();
        assertEquals(seed.agency(), stored.agency());
        assertEquals(seed.region(), stored.region());
        assertEquals(seed.figures(), stored.figures());
        assertEquals(seed.failedChecks(), stored.failedChecks());
        assertEquals(seed.text(), stored.text());
        assertTrue(backend.report("no-such-id").isEmpty());
        assertEquals(5, backend.size());
        List<String> exported = new ArrayList<>();
        backend.export(new SearchRequest("", null, List.of(RangeFilter.parse("penalties=1..")),
                SortSpec.parse("penalties:asc"), 1, null, null), rep -> exported.add(rep.id()));
        assertEquals(List.of(id("001"), id("002"), id("004")), exported);
    }
}
