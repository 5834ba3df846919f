package org.disclosuresearch.search;

import org.disclosuresearch.copies.CopySeries;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.pipeline.AgencyLinker;
import org.disclosuresearch.pipeline.AgencyOverrides;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexTimeFields;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.report.DerivedFigures;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportFacets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every backend promises, checked against truth computed from the reports themselves (substring truth for
 * phrases, the figures for ranges, sorts and aggregates, the facet values for counts). Each backend's
 * {@code …ContractTest} indexes {@link ContractCorpus} through the one write path and runs this suite; two backends that
 * pass it give the same answers, and any difference is a bug in one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchContract {

    protected List<Report> corpus;
    protected SearchBackend backend;

    /** The backend's write side, empty. */
    protected abstract ReportSink openSink() throws Exception;

    /** The backend's search side, over what the sink wrote. */
    protected abstract SearchBackend openBackend() throws Exception;

    /**
     * Whether the backend's sink keeps cross-report values (previous year, growth, carry checks: {@code
     * ReportSink.linkedReports()}); the truth then has them too.
     */
    protected boolean linksReports() {
        return true;
    }

    /** The reports as the write path makes them before storing: agency keys, derived figures, and linked values. */
    private List<Report> asStored(List<Report> sent) {
        List<Report> prepared = sent.stream().map(r -> IndexTimeFields.apply(r, AgencyOverrides.NONE)).toList();
        return linksReports() ? List.copyOf(AgencyLinker.linkInMemory(prepared).values()) : prepared;
    }

    @BeforeAll
    void indexTheCorpus() throws Exception {
        long started = System.nanoTime();
        corpus = new ArrayList<>(ContractCorpus.load());
        corpus.addAll(CopySeries.all()); // copying whose shares are known: see copy_shares_…
        long loaded = System.nanoTime();
        try (ReportSink sink = openSink()) {
            IndexSummary summary = new CorpusPipeline(sink, IndexerConfig.defaults().withThreads(2), Set.of())
                    .load(corpus);
            assertEquals(corpus.size(), summary.indexed(), summary.failed().toString());
        }
        corpus = asStored(corpus);
        System.out.printf("[contract] %s: %d reports, loaded in %.1f s, indexed in %.1f s%n",
                getClass().getSimpleName(), corpus.size(), (loaded - started) / 1e9,
                (System.nanoTime() - loaded) / 1e9);
        backend = openBackend();
    }

    @AfterAll
    void closeBackend() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    // ------------------------------------------------------------------ truth

    private Set<String> truth(Predicate<Report> p) {
        return corpus.stream().filter(p).map(Report::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> containing(String phrase) {
        String p = Normalizer.normalize(phrase);
        return truth(r -> r.text().contains(p));
    }

    private List<String> exported(SearchRequest request) {
        List<String> ids = new ArrayList<>();
        backend.export(request, r -> ids.add(r.id()));
        return ids;
    }

    private Set<String> found(String query, MatchMode match) {
        SearchRequest request = new SearchRequest(query, null, null, null, 0, null, null, match);
        Set<String> ids = new TreeSet<>(exported(request));
        assertEquals(ids.size(), backend.search(request).total(), query);
        return ids;
    }

    private static String quoted(String phrase) {
        return "\"" + phrase.replace("\\", "\\\\") + "\"";
    }

    // ------------------------------------------------------------------ the contract

    @Test
    void every_report_is_there_as_it_was_sent() {
        assertTrue(corpus.size() >= 5 + ContractCorpus.SYNTHETIC, "corpus " + corpus.size());
        assertEquals(corpus.size(), backend.size());
        for (Report r : corpus.subList(0, 20)) {
            Report stored = backend.report(r.id()).orElseThrow(() -> new AssertionError(r.id()));
            assertEquals(r.figures().keySet(), stored.figures().keySet(), r.id());
            assertEquals(r.agency(), stored.agency(), r.id());
            assertEquals(Normalizer.normalize(r.text()), stored.text(), r.id());
        }
        assertTrue(backend.report("no-such-report").isEmpty());
    }

    @Test
    void phrases_find_exactly_the_reports_containing_them() {
        List<String> phrases = new ArrayList<>(List.of("依申请公开", "本机关不掌握", "政府信息公开", "行政复议", "朋友圈",
                "长护险", "医", "公开公开", "2021年", "(一)", "xyz不存在"));
        Random random = new Random(314L);
        while (phrases.size() < 36) {
            Report r = corpus.get(random.nextInt(corpus.size()));
            int[] cps = r.text().codePoints().toArray();
            if (cps.length < 20) {
                continue;
            }
            int len = 2 + random.nextInt(6);
            int start = random.nextInt(cps.length - len);
            if (random.nextInt(5) == 0) {
                cps[start + random.nextInt(len)] = r.text().codePointAt(random.nextInt(r.text().length() - 1));
            }
            String p = new String(cps, start, len);
            if (p.codePoints().allMatch(Normalizer::isHan)) {
                phrases.add(p);
            }
        }
        int separating = 0;
        for (String p : phrases) {
            Set<String> expected = containing(p);
            assertEquals(expected, found(quoted(p), MatchMode.EXACT), "quoted " + p);
            if (p.codePoints().allMatch(Normalizer::isHan) && phrases.indexOf(p) % 3 == 0) {
                assertEquals(expected, found(p, MatchMode.EXACT), "unquoted " + p);
                assertTrue(found(p, MatchMode.WORDS).containsAll(expected), "words " + p);
            }
            separating += expected.isEmpty() || expected.size() == corpus.size() ? 0 : 1;
        }
        assertTrue(separating > 15, "phrases that separate the corpus: " + separating);
    }

    @Test
    void or_exclusion_prefixes_and_figure_ranges_in_the_query() {
        assertEquals(union(containing("朋友圈"), containing("长护险")), found("朋友圈 OR 长护险", MatchMode.EXACT));
        Set<String> notFriends = truth(r -> r.text().contains("依申请公开") && !r.text().contains("朋友圈"));
        assertEquals(notFriends, found("依申请公开 -朋友圈", MatchMode.EXACT));
        assertEquals(truth(r -> r.agency() != null && Normalizer.normalize(r.agency()).contains("卫生健康")),
                found("agency:卫生健康", MatchMode.EXACT));
        String someId = corpus.get(7).id();
        assertEquals(Set.of(someId), found("id:" + someId, MatchMode.EXACT));
        assertEquals(truth(r -> value(r, "penalties") != null && value(r, "penalties") >= 1000),
                found("penalties:1000..", MatchMode.EXACT));
    }

    @Test
    void ranges_filter_on_figures_and_year_never_matching_an_absent_figure() {
        for (String spec : List.of("penalties=1000..", "apps_new_total=..10", "apps_new_total=5..200",
                "fees_wan=0..0.5", "year=2021..", "year=..2020", "penalties=2.5..3.5")) {
            RangeFilter range = RangeFilter.parse(spec);
            Set<String> expected = truth(r -> {
                Double v = value(r, range.field());
                return v != null && (range.min() == null || v >= Math.ceil(range.min()) || isDecimal(range.field())
                        && v >= range.min())
                        && (range.max() == null || v <= Math.floor(range.max()) || isDecimal(range.field())
                        && v <= range.max());
            });
            SearchRequest request = new SearchRequest("", null, List.of(range), null, 10, null, null);
            assertEquals(expected, new TreeSet<>(exported(request)), spec);
            assertEquals(expected.size(), backend.search(request).total(), spec);
        }
    }

    @Test
    void facet_counts_and_sideways_counts_agree_with_the_reports() {
        for (String q : List.of("", "依申请公开")) {
            Set<String> matching = q.isEmpty() ? truth(r -> true) : containing(q);
            SearchResult all = backend.search(new SearchRequest(q, null, null, null, 0, null, null));
            assertEquals(matching.size(), all.total(), q);
            for (String dim : List.of(ReportFacets.AGENCY_TYPE, ReportFacets.YEAR, ReportFacets.TEMPLATE,
                    ReportFacets.CHECKS, ReportFacets.FORMAT)) {
                assertEquals(counts(matching, dim, false), flat(all.facets().get(dim)), q + " " + dim);
            }
            assertEquals(counts(matching, ReportFacets.PROVINCE, false), flat(all.facets().get("region")),
                    q + " provinces");

            // select the most common province: its own counts stay as they were (sideways), the others narrow
            String province = all.facets().get("region").get(0).value();
            Set<String> inProvince = truth(r -> matching.contains(r.id())
                    && province.equals(r.region().province()));
            SearchResult selected = backend.search(new SearchRequest(q, Map.of(ReportFacets.PROVINCE,
                    List.of(province)), null, null, 0, null, null));
            assertEquals(inProvince.size(), selected.total(), q + " " + province);
            assertEquals(flat(all.facets().get("region")), flat(selected.facets().get("region")), "sideways " + q);
            assertEquals(counts(inProvince, ReportFacets.AGENCY_TYPE, false),
                    flat(selected.facets().get(ReportFacets.AGENCY_TYPE)), q + " types in " + province);
        }
    }

    @Test
    void sorts_order_by_the_figure_absent_values_last_ties_by_id() {
        for (String spec : List.of("penalties:desc", "penalties:asc", "year:asc", "fees_wan:desc")) {
            SortSpec sort = SortSpec.parse(spec);
            Comparator<Report> byValue = Comparator.comparing(r -> value(r, sort.field()),
                    Comparator.nullsLast(sort.descending() ? Comparator.<Double>reverseOrder()
                            : Comparator.<Double>naturalOrder()));
            List<String> expected = corpus.stream().sorted(byValue.thenComparing(Report::id)).map(Report::id)
                    .toList();
            assertEquals(expected, exported(new SearchRequest("", null, null, sort, 10, null, null)), spec);
        }
    }

    @Test
    void cursor_pages_walk_every_match_once_in_order_and_the_last_page_offers_none() {
        SortSpec sort = SortSpec.parse("penalties:desc");
        SearchRequest first = new SearchRequest("依申请公开", null, null, sort, 7, null, null);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchResult page = backend.search(new SearchRequest(first.query(), null, null, sort, 7, cursor, null));
            page.hits().forEach(h -> walked.add(h.id()));
            cursor = page.nextCursor();
            assertTrue(++pages < 500, "runaway paging");
            if (cursor == null) {
                assertTrue(page.hits().size() <= 7);
            } else {
                assertEquals(7, page.hits().size());
            }
        } while (cursor != null);
        assertEquals(exported(first), walked);
        assertEquals(containing("依申请公开").size(), walked.size());
        assertEquals(walked.size(), new LinkedHashSet<>(walked).size(), "a report twice");
    }

    @Test
    void aggregates_sum_the_figures_of_the_matches_overall_and_by_dimension() {
        SearchResult r = backend.search(new SearchRequest("", null, null, null, 0, null,
                List.of(StatsRequest.parse("penalties,province"), StatsRequest.parse("fees_wan"))));
        SearchResult.Stats penalties = r.stats().get(0);
        List<Double> values = corpus.stream().map(rep -> value(rep, "penalties")).filter(Objects::nonNull).toList();
        assertEquals(values.size(), penalties.overall().count());
        assertEquals(values.stream().mapToDouble(Double::doubleValue).sum(), penalties.overall().sum(), 1e-6);
        assertEquals(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                penalties.overall().max(), 1e-9);
        Map<String, Double> byProvince = new TreeMap<>();
        Map<String, Long> countByProvince = new TreeMap<>();
        for (Report rep : corpus) {
            Double v = value(rep, "penalties");
            if (v != null && rep.region().province() != null) {
                byProvince.merge(rep.region().province(), v, Double::sum);
                countByProvince.merge(rep.region().province(), 1L, Long::sum);
            }
        }
        Map<String, Double> gotSums = new TreeMap<>();
        Map<String, Long> gotCounts = new TreeMap<>();
        for (SearchResult.Bucket b : penalties.buckets()) {
            gotSums.put(b.value(), b.summary().sum());
            gotCounts.put(b.value(), b.summary().count());
        }
        assertEquals(countByProvince, gotCounts);
        byProvince.forEach((p, sum) -> assertEquals(sum, gotSums.get(p), 1e-6, p));
        for (int i = 1; i < penalties.buckets().size(); i++) {
            assertTrue(penalties.buckets().get(i - 1).summary().sum() >= penalties.buckets().get(i).summary().sum());
        }
        double fees = corpus.stream().map(rep -> value(rep, "fees_wan")).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        assertEquals(fees, r.stats().get(1).overall().sum(), 1e-6);
    }

    @Test
    void snippets_mark_every_match_and_count_them() {
        SearchResult r = backend.search(new SearchRequest("依申请公开", null, null, null, 50, null, null));
        assertTrue(r.hits().size() > 5);
        for (SearchResult.Hit h : r.hits()) {
            String text = corpus.stream().filter(rep -> rep.id().equals(h.id())).findFirst().orElseThrow().text();
            int occurrences = 0;
            for (int at = text.indexOf("依申请公开"); at >= 0; at = text.indexOf("依申请公开", at + 5)) {
                occurrences++;
            }
            assertEquals(occurrences, h.matchCount(), h.id());
            assertTrue(h.snippets().stream().anyMatch(s -> s.contains("<mark>依申请公开</mark>")), h.id());
            TextWindow whole = backend.highlightedText(h.id(), "依申请公开", MatchMode.EXACT, 0, Integer.MAX_VALUE)
                    .orElseThrow();
            assertEquals(occurrences, whole.matches(), h.id());
        }
        SearchResult none = backend.search(SearchRequest.of("依申请公开朋友圈"));
        assertEquals(0, none.total());
        assertNotNull(none.wordMatchTotal());
        assertEquals(found("依申请公开朋友圈", MatchMode.WORDS).size(), none.wordMatchTotal());
        assertNull(r.wordMatchTotal());
    }

    @Test
    void a_ratio_aggregates_as_sums_and_an_agency_is_found_by_its_key() {
        DerivedFigures.Ratio ratio = DerivedFigures.find("disclosure_rate").orElseThrow();
        double num = 0;
        double den = 0;
        long count = 0;
        for (Report r : corpus) {
            double[] parts = DerivedFigures.parts(ratio, r);
            if (parts != null) {
                num += parts[0];
                den += parts[1];
                count++;
            }
        }
        assertTrue(count > 10, "reports with a 公开率: " + count);
        SearchResult.Summary overall = backend.search(new SearchRequest("", null, null, null, 0, null,
                List.of(new StatsRequest(ratio.id(), null)))).stats().get(0).overall();
        assertEquals(count, overall.count());
        assertEquals(num, overall.numeratorSum(), 1e-6);
        assertEquals(den, overall.denominatorSum(), 1e-6);
        assertEquals(num / den, overall.mean(), 1e-9);

        Report linked = corpus.stream().filter(r -> r.previous() != null).findFirst().orElse(null);
        if (linksReports()) {
            assertNotNull(linked, "the synthetic corpus has agencies over consecutive years");
            Set<String> expected = truth(r -> linked.agencyKey().equals(r.agencyKey()));
            Set<String> found = backend.linkedReports("agency", List.of(linked.agencyKey()), 1000).stream()
                    .map(Report::id).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, found);
            assertEquals(linked.previous(), backend.report(linked.id()).orElseThrow().previous());
        }
    }

    @Test
    void copy_shares_derived_shares_the_copies_band_and_marked_passages_follow_the_copied_reports() {
        // CopySeries: a-2022 repeats a-2021 with new numbers; c-2022 copies 4 of d-2022's 5 sentences from another
        // county; u1…u4 write their own; the sentence all seven 2022 reports share is template wording
        CopyShares a = stored("a-2022").copies();
        assertEquals(4, a.sentences());
        assertEquals("a-2021", a.previous().id());
        assertEquals(1.0, a.prevShare());
        assertEquals(0.0, a.peerShare());
        assertEquals(1.0, a.share());
        assertEquals(List.of("a-2021:4"), a.similar().stream().map(x -> x.id() + ":" + x.shared()).toList());
        assertEquals(4, a.passages().size());
        for (CopyShares.Passage p : a.passages()) {
            assertEquals(List.of("a-2021"), p.reports());
        }
        assertNull(stored("a-2021").copies().previous());
        assertEquals(0.0, stored("a-2021").copies().share());

        Report c = stored("c-2022");
        assertEquals(5, c.copies().sentences());
        assertNull(c.copies().prevShare());
        assertEquals(0.8, c.copies().peerShare());
        assertEquals(0.8, c.copies().share());
        assertEquals(List.of("d-2022"), c.copies().passages().get(0).reports());
        CopyShares.Passage first = c.copies().passages().get(0);
        assertEquals("永嘉县财政局2022年政府信息公开工作年度报告永嘉县财政局坚持以公开为常态不公开为例外的原则推进财政预决算公开。",
                c.text().substring(first.start(), first.end()));
        assertEquals(0.8, stored("d-2022").copies().peerShare());
        for (String u : List.of("u1-2022", "u2-2022", "u3-2022", "u4-2022")) {
            assertEquals(0.0, stored(u).copies().share(), u);
            assertEquals(List.of(), stored(u).copies().passages(), u);
        }

        // the shares as derived figures: stored, and filtered on (重复率 ≥ 80%)
        assertEquals(1.0, stored("a-2022").derivedFigures().get("copy_share"));
        assertEquals(0.8, c.derivedFigures().get("copy_peer_share"));
        assertNull(c.derivedFigures().get("copy_prev_share"));
        Set<String> series = CopySeries.all().stream().map(Report::id).collect(Collectors.toSet());
        List<String> high = exported(new SearchRequest("copy_share:0.8..", null, null, null, 0, null, null));
        assertEquals(Set.of("a-2022", "c-2022", "d-2022"),
                high.stream().filter(series::contains).collect(Collectors.toSet()));

        // the band of every report's stored share is what the copies facet counts and selects
        Map<String, Long> bands = new TreeMap<>();
        for (Report r : corpus) {
            CopyShares s = stored(r.id()).copies();
            if (s != null && s.share() != null) {
                bands.merge(ReportFacets.copyBand(s.share()), 1L, Long::sum);
            }
        }
        assertTrue(bands.getOrDefault("80-100", 0L) >= 3, bands.toString());
        SearchResult all = backend.search(new SearchRequest("", null, null, null, 0, null, null));
        assertEquals(bands, flat(all.facets().get(ReportFacets.COPIES)));
        SearchResult top = backend.search(new SearchRequest("", Map.of(ReportFacets.COPIES, List.of("80-100")), null,
                null, 0, null, null));
        assertEquals(bands.get("80-100").longValue(), top.total());
        assertEquals(Set.copyOf(high), new TreeSet<>(exported(new SearchRequest("", Map.of(ReportFacets.COPIES,
                List.of("80-100")), null, null, 0, null, null))));
    }

    private Report stored(String id) {
        return backend.report(id).orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void export_gives_every_matching_report_with_its_figures() {
        List<Report> rows = new ArrayList<>();
        backend.export(new SearchRequest("", null, null, SortSpec.parse("year:asc"), 10, null, null), rows::add);
        assertEquals(corpus.size(), rows.size());
        Map<String, Report> byId = new HashMap<>();
        corpus.forEach(r -> byId.put(r.id(), r));
        for (Report row : rows) {
            Report expected = byId.get(row.id());
            assertEquals(expected.figures().keySet(), row.figures().keySet(), row.id());
            for (String id : expected.figures().keySet()) {
                assertEquals(expected.figures().get(id).doubleValue(), row.figures().get(id).doubleValue(), 1e-9,
                        row.id() + " " + id);
            }
            assertEquals(expected.failedChecks(), row.failedChecks(), row.id());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean isDecimal(String field) {
        return !"year".equals(field) && FigureCatalog.get().require(field).isDecimal();
    }

    private static Double value(Report r, String field) {
        if ("year".equals(field)) {
            return r.year() == null ? null : r.year().doubleValue();
        }
        Number n = r.figures().get(field);
        return n == null ? null : n.doubleValue();
    }

    private Map<String, Long> counts(Set<String> ids, String dim, boolean byPath) {
        Map<String, Long> out = new TreeMap<>();
        for (Report r : corpus) {
            if (!ids.contains(r.id())) {
                continue;
            }
            for (ReportFacets.Value v : ReportFacets.of(r)) {
                if (v.dimension().equals(dim)) {
                    out.merge(byPath ? v.count() : v.filter(), 1L, Long::sum);
                }
            }
        }
        return out;
    }

    private static Map<String, Long> flat(List<SearchResult.FacetValue> values) {
        Map<String, Long> out = new TreeMap<>();
        values.forEach(v -> out.put(v.value(), v.count()));
        return out;
    }
}
