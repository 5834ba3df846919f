package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crawled 平潭 reports (src/test/resources/real, copies of shared/corpus/real) through the real parser, index and
 * server. What reading them says to expect:
 * <ul>
 *   <li>four agencies with two reports each, none in consecutive years: 财政金融局 2019 (pingtan-11) and 2023 (04),
 *       公安局 2020 (10, its tables lost in the crawl: no figures) and 2024 (05), 行政审批局 2020 (12) and 2023 (06),
 *       国有资产管理局 2019 (07) and 2022 (15); alone: 经济发展局 2021 (08), 投资促进局 2024 (13), 平潭综合实验区 2025 (14).
 *       No report names a former agency (pingtan-07 speaks of its 机构改革 without one).</li>
 *   <li>so no report has a previous year, no growth and no carry check: every agency of two reports misses the years
 *       between them (the gaps facet says yes for those 8 reports, no for the 3 alone).</li>
 *   <li>agencies.csv (as a user would write it: the site keeps 国有资产管理局 and 投资促进局 under one column,
 *       ptzhsyqgyz) merges 国有资产管理局 into 投资促进局: 2019, 2022, 2024, missing 2020, 2021, 2023; now 9 with gaps.</li>
 *   <li>公开率 (予以公开 + 部分公开) / 总计: pingtan-05 (3 + 1) / 8, 06 (0 + 1) / 7, 12 (1 + 0) / 1, 14 (33 + 38) / 148;
 *       the others handled 0 applications (absent, not 0). Over all: Σ 77 / Σ 164 = 0.4695, not the mean of the four
 *       ratios (0.5306).</li>
 * </ul>
 */
class RealAgenciesTest {
    @TempDir
    static Path tempDir;

    static SearchBackend backend;
    static ApiServer server;
    static HttpJson http;

    static final List<String> REAL = List.of("04", "05", "06", "07", "08", "10", "11", "12", "13", "14", "15");
    static final String POLICE = "350128:平潭综合实验区公安局";
    static final String INVEST = "350128:平潭综合实验区投资促进局";

    /** The real reports and an agencies.csv merging 国有资产管理局 into 投资促进局, indexed into a folder. */
    static Path indexReal(Path dir) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (String n : REAL) {
            try (InputStream in = RealAgenciesTest.class.getResourceAsStream("/real/pingtan-" + n + ".txt")) {
                Files.write(docs.resolve("pingtan-" + n + ".txt"), in.readAllBytes());
            }
        }
        Files.writeString(docs.resolve("agencies.csv"), "agency,region,agencyKey\n"
                + "平潭综合实验区国有资产管理局,350128," + INVEST + "\n", StandardCharsets.UTF_8);
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            IndexSummary summary = indexer.update(List.of(docs), null);
            assertTrue(summary.failed().isEmpty(), summary.failed().toString());
            assertEquals(REAL.size(), summary.indexed());
        }
        return index;
    }

    @BeforeAll
    static void start() throws IOException {
        backend = LuceneSearchBackend.open(indexReal(tempDir));
        server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, tempDir.resolve("docs"))).start();
        http = new HttpJson(server.port());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        backend.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_report_carries_its_agency_key_ratios_and_missing_years() throws Exception {
        JsonNode r = http.get("/api/reports/pingtan-05").json();
        assertEquals(POLICE, r.get("agencyKey").asText());
        assertEquals(0.5, r.get("derivedFigures").get("disclosure_rate").asDouble(), 1e-12);
        assertEquals(0.0, r.get("derivedFigures").get("denial_rate").asDouble(), 1e-12);
        assertEquals("[2021,2022,2023]", r.get("agencyMissingYears").toString());
        assertFalse(r.has("previous"));
        assertFalse(r.has("figureEvidence") && r.get("figureEvidence").has("disclosure_rate"));
        // 0 applications handled: no ratio at all
        // no ratio of applications (its denominators are 0); only the copy shares (copies.CopySharesTest) are derived
        JsonNode derived04 = http.get("/api/reports/pingtan-04").json().path("derivedFigures");
        derived04.fieldNames().forEachRemaining(id -> assertTrue(id.startsWith("copy_"), id));
        for (String n : REAL) {
            JsonNode report = http.get("/api/reports/pingtan-" + n).json();
            assertFalse(report.get("failedChecks").toString().contains("carry:"), n + ": no consecutive years");
            assertFalse(report.has("previous"), n);
        }
    }

    @Test
    void an_agency_lists_its_reports_in_year_order_with_gaps_in_its_series() throws Exception {
        JsonNode a = http.get("/api/agencies/" + enc(POLICE) + "?figures=apps_new_total,disclosure_rate").json();
        assertEquals("[\"平潭综合实验区公安局\"]", a.get("names").toString());
        assertEquals("平潭县", a.get("region").get("county").asText());
        assertEquals(List.of("pingtan-10", "pingtan-05"), ids(a.get("reports")));
        assertEquals("[2021,2022,2023]", a.get("missingYears").toString());
        JsonNode series = a.get("series").get("apps_new_total");
        assertEquals(5, series.size(), "2020 to 2024");
        assertEquals("pingtan-10", series.get(0).get("report").asText());
        assertTrue(series.get(0).get("value").isNull(), "pingtan-10 lost its tables: absent, not 0");
        assertTrue(series.get(1).get("report").isNull() && series.get(1).get("value").isNull(), "2021 is missing");
        assertEquals(8, series.get(4).get("value").asInt());
        assertEquals(0.5, a.get("series").get("disclosure_rate").get(4).get("value").asDouble(), 1e-12);

        JsonNode merged = http.get("/api/agencies/" + enc(INVEST) + "?figures=apps_new_total").json();
        assertEquals(List.of("pingtan-07", "pingtan-15", "pingtan-13"), ids(merged.get("reports")));
        assertEquals("[\"平潭综合实验区国有资产管理局\",\"平潭综合实验区投资促进局\"]", merged.get("names").toString());
        assertEquals("[2020,2021,2023]", merged.get("missingYears").toString());
        assertEquals(0, merged.get("series").get("apps_new_total").get(3).get("value").asInt());
        assertEquals(0.0, merged.get("series").get("apps_new_total").get(3).get("change").asDouble(), 0.0);
    }

    @Test
    void ratios_filter_and_aggregate_as_sums_and_gaps_facet() throws Exception {
        JsonNode s = http.get("/api/search?stats=disclosure_rate&size=20").json();
        JsonNode overall = s.get("stats").get(0).get("overall");
        assertEquals(4, overall.get("count").asInt());
        assertEquals(77.0, overall.get("numeratorSum").asDouble(), 1e-9);
        assertEquals(164.0, overall.get("denominatorSum").asDouble(), 1e-9);
        assertEquals(77.0 / 164.0, overall.get("mean").asDouble(), 1e-12);

        JsonNode high = http.get("/api/search?range=" + enc("disclosure_rate:0.5..") + "&sort=disclosure_rate:desc")
                .json();
        assertEquals(List.of("pingtan-12", "pingtan-05"), ids(high.get("hits")));
        assertEquals(1.0, high.get("hits").get(0).get("derivedFigures").get("disclosure_rate").asDouble(), 1e-12);

        assertEquals(9, http.get("/api/search?gaps=yes").json().get("total").asInt());
        assertEquals(2, http.get("/api/search?gaps=no").json().get("total").asInt());

        JsonNode fields = http.get("/api/fields").json().get("fields");
        JsonNode rate = null;
        for (JsonNode f : fields) {
            if (f.get("id").asText().equals("disclosure_rate")) {
                rate = f;
            }
        }
        assertTrue(rate != null && rate.get("derived").asBoolean() && rate.get("formula").asText().contains("部分公开"),
                String.valueOf(rate));

        String csv = http.get("/api/export.csv?header=ids&columns=disclosure_rate&q=" + enc("公安局")).text();
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("pingtan-05,平潭综合实验区公安局," + POLICE + ",2024,")
                && l.endsWith(",0.5")), csv);
    }

    @Test
    void an_unknown_agency_or_figure_is_a_json_error() throws Exception {
        HttpJson.Response none = http.get("/api/agencies/" + enc("350128:没有这个机关"));
        assertEquals(404, none.status());
        assertTrue(none.json().get("detail").asText().contains("没有这个机关"));
        HttpJson.Response bad = http.get("/api/agencies/" + enc(POLICE) + "?figures=penaltys");
        assertEquals(400, bad.status());
        assertEquals("figures", bad.json().get("parameter").asText());
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
