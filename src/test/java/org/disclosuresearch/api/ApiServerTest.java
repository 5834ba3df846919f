package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import static org.disclosuresearch.api.HttpJson.enc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API of a real server on a random port, over the sample corpus indexed in a temporary folder. */
class ApiServerTest {
    @TempDir
    static Path tempDir;

    static SearchBackend backend;
    static ApiServer server;
    static HttpJson http;
    static JsonNode expected;

    @BeforeAll
    static void start() throws IOException {
        backend = SampleCorpus.open(tempDir);
        server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, SampleCorpus.DOCS)).start();
        http = new HttpJson(server.port());
        try (InputStream in = ApiServerTest.class.getResourceAsStream("/seeds/seeds-expected.json")) {
            expected = Json.mapper().readTree(in);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        backend.close();
    }

    @Test
    void healthCountsTheReports() throws Exception {
        JsonNode body = http.get("/api/health").json();
        assertEquals("ok", body.get("status").asText());
        assertEquals(expected.size(), body.get("reports").asInt());
    }

    @Test
    void fieldsListTheWholeCatalogueWithChineseLabels() throws Exception {
        JsonNode fields = http.get("/api/fields").json().get("fields");
        assertEquals(FigureCatalog.get().allWithDerived().size(), fields.size());
        JsonNode penalties = find(fields, "id", "penalties");
        assertEquals("二、主动公开政府信息情况", penalties.get("table").asText());
        assertEquals("行政处罚", penalties.get("row").asText());
        assertEquals("件", penalties.get("unit").asText());
        assertTrue(penalties.get("templates").toString().contains("2021"));
    }

    @Test
    void phraseSearchFindsEveryReportWithEscapedHighlightedSnippets() throws Exception {
        HttpJson.Response r = http.get("/api/search?q=" + enc("依申请公开"));
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = r.json();
        assertEquals(5, body.get("total").asInt());
        assertEquals(5, body.get("hits").size());
        for (JsonNode hit : body.get("hits")) {
            assertFalse(hit.get("agency").asText().isBlank());
            String snippets = hit.get("snippets").toString();
            assertTrue(snippets.contains("<mark>"), "no highlight in " + hit.get("id") + ": " + snippets);
            String withoutMarks = snippets.replace("<mark>", "").replace("</mark>", "");
            assertFalse(withoutMarks.contains("<"), "unescaped markup in a snippet: " + snippets);
        }
    }

    @Test
    void exactIsTheDefaultAndAnEmptyExactSearchSaysWhatMatchingWordsWouldFind() throws Exception {
        JsonNode exact = http.get("/api/search?q=" + enc("依申请公开朋友圈")).json();
        assertEquals(0, exact.get("total").asLong(), exact.toString());
        assertEquals(1, exact.get("wordMatchTotal").asLong(), exact.toString());
        JsonNode words = http.get("/api/search?q=" + enc("依申请公开朋友圈") + "&match=words").json();
        assertEquals(1, words.get("total").asLong(), words.toString());
        assertFalse(words.has("wordMatchTotal"), words.toString());
        JsonNode found = http.get("/api/search?q=" + enc("依申请公开")).json();
        assertFalse(found.has("wordMatchTotal"), found.toString());
        for (JsonNode hit : found.get("hits")) {
            assertTrue(hit.get("matchCount").asInt() >= 1, hit.toString());
        }
    }

    /** Seed 000 breaks 依申请公开 over a blank line (依申 / 请公开); the engine marks it whole in the report view. */
    @Test
    void reportViewHighlightsTheWholeTextAsTheEngineMatched() throws Exception {
        String id = "000_c6adf1d2ada892b8";
        String text = http.get("/api/reports/" + id).json().get("text").asText();
        for (String q : List.of("\"依申请公开\"", "\"依申 请公开\"", "\"依申\n\n请公开\"")) {
            HttpJson.Response r = http.get("/api/reports/" + id + "?q=" + enc(q));
            assertEquals(200, r.status(), r.text());
            String html = r.json().get("highlightedText").asText();
            assertTrue(html.contains("回应关切、<mark>依申请公开</mark>、公众参与"), q + ": " + html);
            // the whole text, not a snippet: without its marks and escapes it is the report's text
            assertEquals(text, html.replace("<mark>", "").replace("</mark>", "").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"));
        }
        assertFalse(http.get("/api/reports/" + id).json().has("highlightedText"));
        // matchCount is the number of marks; matching words marks more places, never a lone character
        for (String match : List.of("exact", "words")) {
            JsonNode r = http.get("/api/reports/" + id + "?q=" + enc("依申请公开") + "&match=" + match).json();
            String html = r.get("highlightedText").asText();
            assertEquals(html.split("<mark>", -1).length - 1, r.get("matchCount").asInt(), match);
            assertTrue(r.get("matchCount").asInt() > 0, match);
            assertFalse(html.contains("<mark>依</mark>"), match);
        }
        assertEquals(400, http.get("/api/reports/" + id + "?q=" + enc("(依申请公开")).status());
        assertEquals(400, http.get("/api/reports/" + id + "?query=x").status());
        assertEquals(404, http.get("/api/reports/nothing?q=x").status());
    }

    @Test
    void facetFilterNarrowsAndKeepsDrillSidewaysCounts() throws Exception {
        long medical = countExpected("agencyType", "医疗保障");
        JsonNode all = http.get("/api/search?q=" + enc("依申请公开")).json();
        JsonNode filtered = http.get("/api/search?q=" + enc("依申请公开") + "&agencyType=" + enc("医疗保障")).json();
        assertEquals(medical, filtered.get("total").asLong());
        assertTrue(filtered.get("total").asLong() < all.get("total").asLong());
        // the selected dimension still counts its other values, so that the user can add them
        JsonNode types = filtered.get("facets").get("agencyType");
        assertEquals(medical, find(types, "value", "医疗保障").get("count").asLong());
        assertEquals(countExpected("agencyType", "卫生健康"), find(types, "value", "卫生健康").get("count").asLong());
        // other dimensions count only the filtered reports
        long years = 0;
        for (JsonNode y : filtered.get("facets").get("year")) {
            years += y.get("count").asLong();
        }
        assertEquals(medical, years);
    }

    @Test
    void regionFacetIsATreeAndFiltersByProvince() throws Exception {
        JsonNode region = http.get("/api/search").json().get("facets").get("region");
        JsonNode zhejiang = find(region, "value", "浙江省");
        long inZhejiang = countExpectedRegion("province", "浙江省");
        assertEquals(inZhejiang, zhejiang.get("count").asLong());
        assertNotNull(find(zhejiang.get("children"), "value", "温州市"));
        JsonNode filtered = http.get("/api/search?province=" + enc("浙江省")).json();
        assertEquals(inZhejiang, filtered.get("total").asLong());
    }

    @Test
    void figureRangeLeavesOnlyTheReportsInRange() throws Exception {
        List<String> expectedIds = new ArrayList<>();
        for (JsonNode e : expected) {
            JsonNode p = e.get("figures").get("penalties");
            if (p != null && p.asDouble() >= 1000) {
                expectedIds.add(e.get("file").asText().replaceFirst("\\.txt$", ""));
            }
        }
        assertEquals(1, expectedIds.size(), "the sample has one report with penalties >= 1000");
        JsonNode body = http.get("/api/search?range=" + enc("penalties:1000..")).json();
        assertEquals(1, body.get("total").asInt());
        assertEquals(expectedIds.get(0), body.get("hits").get(0).get("id").asText());
        JsonNode both = http.get("/api/search?range=" + enc("penalties:1..") + "&range=" + enc("penalties:..1000"))
                .json();
        for (JsonNode hit : both.get("hits")) {
            double p = hit.get("figures").get("penalties").asDouble();
            assertTrue(p >= 1 && p <= 1000, "penalties " + p + " outside 1..1000");
        }
    }

    @Test
    void sortByFigureOrdersTheHits() throws Exception {
        for (String dir : List.of("desc", "asc")) {
            JsonNode hits = http.get("/api/search?range=" + enc("penalties:0..") + "&sort=penalties:" + dir).json()
                    .get("hits");
            assertTrue(hits.size() >= 2);
            for (int i = 1; i < hits.size(); i++) {
                double prev = hits.get(i - 1).get("figures").get("penalties").asDouble();
                double cur = hits.get(i).get("figures").get("penalties").asDouble();
                assertTrue(dir.equals("desc") ? prev >= cur : prev <= cur, dir + ": " + prev + " then " + cur);
            }
        }
    }

    @Test
    void cursorPagesThroughEveryResultOnce() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode body = http.get("/api/search?size=2" + (cursor == null ? "" : "&cursor=" + enc(cursor))).json();
            assertTrue(body.get("hits").size() <= 2);
            for (JsonNode hit : body.get("hits")) {
                assertTrue(seen.add(hit.get("id").asText()), "seen twice: " + hit.get("id"));
            }
            cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected.size(), seen.size());
        assertEquals(3, pages);
    }

    @Test
    void statsAggregateAFigureByDimension() throws Exception {
        JsonNode stats = http.get("/api/search?stats=" + enc("apps_new_total,province")).json().get("stats").get(0);
        assertEquals("apps_new_total", stats.get("field").asText());
        assertEquals("province", stats.get("by").asText());
        double sum = 0;
        long count = 0;
        for (JsonNode e : expected) {
            JsonNode v = e.get("figures").get("apps_new_total");
            if (v != null) {
                sum += v.asDouble();
                count++;
            }
        }
        assertEquals(count, stats.get("overall").get("count").asLong());
        assertEquals(sum, stats.get("overall").get("sum").asDouble(), 1e-9);
        double bucketSum = 0;
        for (JsonNode b : stats.get("buckets")) {
            bucketSum += b.get("summary").get("sum").asDouble();
        }
        assertEquals(sum, bucketSum, 1e-9);
    }

    @Test
    void reportViewHasMetadataFiguresChecksAndText() throws Exception {
        for (JsonNode e : expected) {
            String id = e.get("file").asText().replaceFirst("\\.txt$", "");
            JsonNode report = http.get("/api/reports/" + enc(id)).json();
            assertEquals(e.get("agency").asText(), report.get("agency").asText());
            assertEquals(e.get("figures").size(), report.get("figures").size(), id);
            assertEquals(e.get("failedChecks"), report.get("failedChecks"), id);
            assertTrue(report.get("text").asText().length() > 200, id);
        }
    }

    @Test
    void originalFileDownloadsFromTheDocsFolder() throws Exception {
        String file = expected.get(0).get("file").asText();
        HttpJson.Response r = http.get("/api/reports/" + enc(file.replaceFirst("\\.txt$", "")) + "/original");
        assertEquals(200, r.status());
        assertArrayEquals(Files.readAllBytes(SampleCorpus.DOCS.resolve(file)), r.body());
        assertTrue(r.raw().headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    }

    @Test
    void exportStreamsEveryMatchAsUtf8CsvWithBom() throws Exception {
        HttpJson.Response r = http.get("/api/export.csv?q=" + enc("依申请公开")
                + "&columns=penalties&columns=apps_new_total&header=ids");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        byte[] b = r.body();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(b, 3));
        String[] lines = new String(b, 3, b.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(1 + 5, lines.length);
        assertTrue(lines[0].startsWith("id,agency,agencyKey,year,"), lines[0]);
        assertTrue(lines[0].endsWith(",penalties,apps_new_total"), lines[0]);
        String body = String.join("\n", lines);
        for (JsonNode e : expected) {
            assertTrue(body.contains(e.get("agency").asText()), e.get("agency").asText());
        }
        // without chosen columns the export carries every figure of the catalogue
        String all = http.get("/api/export.csv?header=ids").text();
        assertTrue(all.lines().findFirst().orElseThrow().endsWith("," + String.join(",", FigureCatalog.get().ids())));
        assertEquals(1 + expected.size(), all.split("\r\n").length);
    }

    /** By default a spreadsheet reader's CSV: Chinese headers, failed checks as sentences, a file name to keep. */
    @Test
    void exportSpeaksChineseByDefaultAndSaysHowEachFigureWasRead() throws Exception {
        HttpJson.Response r = http.get("/api/export.csv?q=" + enc("依申请公开") + "&columns=apps_new_total&evidence=1");
        assertEquals(200, r.status(), r.text());
        String disposition = r.raw().headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.contains("filename*=UTF-8''disclosure-search_" + enc("依申请公开") + "_"), disposition);
        String[] lines = r.text().split("\r\n");
        assertEquals("\uFEFF报告编号,机构,机构标识,年度,发布日期,模板,省份,城市,区县,机构类型,未通过的校验,文件格式,原文地址,"
                + "表三·本年新收政府信息公开申请数量·总计,表三·本年新收政府信息公开申请数量·总计·读取方式", lines[0]);
        String row004 = java.util.Arrays.stream(lines).filter(l -> l.startsWith("004_")).findFirst().orElseThrow();
        assertTrue(row004.contains("（四）无法提供 · 1.本机关不掌握相关政府信息：各类申请人之和"), row004);
        assertTrue(row004.endsWith(",单元格") || row004.matches(".*,(空白记0|拆分连写数字|依正文)$"), row004);
        assertError("/api/export.csv?header=names", 400, "header", "ids");
        assertError("/api/export.csv?evidence=yes", 400, "evidence", "1 or 0");
    }

    /** Each failed check comes with its cells, both sums and a sentence, so that no client re-derives it. */
    @Test
    void aReportExplainsItsFailedChecks() throws Exception {
        JsonNode report = http.get("/api/reports/004_0a91ce1974c0f436").json();
        JsonNode explained = report.get("checkExplanations");
        assertEquals(report.get("failedChecks").size(), explained.size(), explained.toString());
        for (JsonNode e : explained) {
            long expectedSum = 0;
            for (JsonNode part : e.get("parts")) {
                expectedSum += report.get("figures").get(part.asText()).asLong();
            }
            assertEquals(expectedSum, e.get("expected").asLong(), e.toString());
            assertNotEquals(e.get("expected").asLong(), e.get("printed").asLong(), e.toString());
            assertTrue(e.get("sentence").asText().contains(" " + e.get("expected").asLong() + "，"), e.toString());
            assertEquals(e.get("parts").size() + e.get("totals").size(), e.get("cells").size());
        }
        assertEquals("row_sum:unable_not_held", explained.get(0).get("check").asText());
        assertEquals(0, http.get("/api/reports/000_c6adf1d2ada892b8").json().get("checkExplanations").size());
    }

    @Test
    void exportHasNoSilentCap() throws Exception {
        // the page size cap (100) must not apply to the export: ask it with a page size of 1 in mind
        String csv = http.get("/api/export.csv?size=1").text();
        assertEquals(1 + expected.size(), csv.split("\r\n").length);
    }

    @Test
    void badParametersAreJson400sThatNameTheParameter() throws Exception {
        assertError("/api/search?range=" + enc("nosuchfigure:1..2"), 400, "range", "nosuchfigure");
        assertError("/api/search?range=" + enc("penalties:abc.."), 400, "range", "abc");
        assertError("/api/search?range=" + enc("penalties:5..1"), 400, "range", "above");
        assertError("/api/search?sort=" + enc("nosuchfigure:desc"), 400, "sort", "nosuchfigure");
        assertError("/api/search?stats=" + enc("nosuchfigure"), 400, "stats", "nosuchfigure");
        assertError("/api/search?size=101", 400, "size", "100");
        assertError("/api/search?size=abc", 400, "size", "abc");
        assertQueryError("/api/search?q=" + enc("依".repeat(501)), "query_too_long", "500");
        assertQueryError("/api/search?q=" + enc("\"依申请公开"), "unbalanced_quote", "引号");
        assertQueryError("/api/search?q=" + enc("penalty:1000.."), "unknown_figure", "penalties");
        assertQueryError("/api/reports/000_c6adf1d2ada892b8?q=" + enc("申*"), "unsupported_syntax", "通配符");
        assertError("/api/search?match=all", 400, "match", "words");
        assertError("/api/export.csv?columns=nosuchfigure", 400, "columns", "nosuchfigure");
        assertError("/api/search?provice=" + enc("浙江省"), 400, "provice", "unknown parameter");
        // a typo gets the closest ids, and the API's own pointer to the catalogue
        for (String path : List.of("/api/search?range=" + enc("penalty:1000.."), "/api/search?sort=penalty",
                "/api/search?stats=penalty", "/api/export.csv?columns=penalty")) {
            assertError(path, 400, null, "did you mean penalties?; GET /api/fields lists every figure id");
        }
        assertError("/api/search?range=" + enc("yaer:2020.."), 400, "range", "did you mean year?");
    }

    /** Inputs a user or a script really sends: each is a JSON 400 that says what is wrong, never a 500. */
    @Test
    void malformedInputsAreClearJson400s() throws Exception {
        assertQueryError("/api/search?q=" + enc("\""), "unbalanced_quote", "引号");
        assertQueryError("/api/search?q=" + enc("\"依申请"), "unbalanced_quote", "引号");
        assertQueryError("/api/search?q=" + enc("「依申请"), "unbalanced_quote", "引号");
        assertQueryError("/api/search?q=" + enc("朋友圈 AND"), "unsupported_syntax", "AND");
        assertQueryError("/api/search?q=" + enc("agency:"), "unsupported_syntax", "agency:");
        assertQueryError("/api/search?q=" + enc("OR 朋友圈"), "unsupported_syntax", "OR");
        assertQueryError("/api/search?q=" + enc("(朋友圈"), "unsupported_syntax", "括号");
        assertQueryError("/api/search?q=" + enc("依申请*"), "unsupported_syntax", "通配符");
        assertQueryError("/api/search?q=" + enc("依申请公~1"), "unsupported_syntax", "模糊");
        for (String q : new String[]{"(", "a:", "*", "?", "OR", "~"}) {
            HttpJson.Response r = http.get("/api/search?q=" + enc(q));
            assertEquals(400, r.status(), q + " -> " + r.text());
            assertFalse(r.json().get("error").asText().contains("Cannot parse"), r.text());
        }
        assertError("/api/search?size=-1", 400, "size", "between 1 and 100");
        assertError("/api/search?size=0", 400, "size", "between 1 and 100");
        assertError("/api/search?size=100000000000", 400, "size", "between 1 and 100");
        assertError("/api/search?range=" + enc("foo:1..2"), 400, "range", "foo");
        assertError("/api/search?range=penalties", 400, "range", "penalties");
        assertError("/api/search?cursor=abc", 400, "cursor", "malformed cursor");
        assertError("/api/search?cursor=AAAA", 400, "cursor", "malformed cursor");
        String yearCursor = http.get("/api/search?sort=year&size=1").json().get("nextCursor").asText();
        assertError("/api/search?cursor=" + enc(yearCursor), 400, "cursor", "belongs to sort year:desc");
        assertError("/api/reports/" + enc("../../etc/passwd"), 404, null, "no report");
        assertError("/api/reports/" + enc("../../etc/passwd") + "/original", 404, null, "no report");
        assertEquals(200, http.get("/api/search?q=" + enc("😀 依申请公开")).status());
    }

    @Test
    void unknownReportsAndEndpointsAreJson404s() throws Exception {
        assertError("/api/reports/no-such-report", 404, null, "no report with id 'no-such-report'");
        assertError("/api/reports/no-such-report/original", 404, null, "no-such-report");
        assertError("/api/nothing/here", 404, null, "/api/nothing/here");
        assertError("/api", 404, null, "/api");
        for (String method : List.of("POST", "PUT", "DELETE", "PROPFIND")) {
            HttpJson.Response other = http.send(method, "/api/search?q=x");
            assertEquals(405, other.status(), other.text());
            assertEquals("GET, HEAD", other.raw().headers().firstValue("Allow").orElse(""));
            assertTrue(other.json().get("detail").asText().startsWith(method + " is not supported"), other.text());
        }
    }

    /**
     * A request Jetty cannot read never reaches a route; it is still a JSON 400, not Jetty's HTML page, and its
     * detail names what is wrong with it (not one message for all).
     */
    @Test
    void aMalformedRequestIsAJson400ThatNamesTheProblem() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("GET /api/reports/% HTTP/1.1\r\nHost: 127.0.0.1\r\n", "a lone %");
        cases.put("GET /api/search%zz?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n", "a % in the URL must start an escape");
        cases.put("GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n", "climbs above the root");
        cases.put("GET /api/reports/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\n", "control character (NUL");
        cases.put("GET /api/health HTTP/1.1\r\nHost: bad host!\r\n", "the Host header is not a host name");
        cases.put("GET /api/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n", "more than one Host header");
        cases.put("GET /api/health HTTP/1.1\r\n", "needs a Host header");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            // java.net.http refuses such requests itself, so they go over a plain socket as a script would send them
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write((c.getKey() + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/json"), answer);
                JsonNode body = Json.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertTrue(body.get("detail").asText().contains(c.getValue()), c.getKey() + " → " + answer);
                assertFalse(answer.contains("<html"), answer);
            }
        }
    }

    /** A URL too long for the server, typed into the browser by a person: a JSON 414 that says so in Chinese. */
    @Test
    void aTooLongUrlIsAJson414InChinese() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String request = "GET /?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 414"), answer.substring(0, Math.min(200, answer.length())));
            JsonNode body = Json.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertTrue(body.get("detail").asText().contains("网址太长"), answer);
        }
    }

    @Test
    void pageIsServedFromTheClasspathWithAStrictContentPolicy() throws Exception {
        HttpJson.Response page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.text().contains("政府信息公开年度报告检索"));
        String csp = page.raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertEquals(200, http.get("/app.js").status());
    }

    /** A query the engine refuses: a plain Chinese error, its code, parameter q; no English parser words. */
    private static void assertQueryError(String path, String code, String errorPart) throws Exception {
        HttpJson.Response r = http.get(path);
        assertEquals(400, r.status(), path + " -> " + r.text());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = r.json();
        assertEquals(code, body.get("code").asText(), r.text());
        assertEquals("q", body.get("parameter").asText(), r.text());
        String error = body.get("error").asText();
        assertTrue(error.contains(errorPart), r.text());
        assertTrue(error.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                r.text());
        assertFalse(error.matches("(?s).*(Cannot parse|Encountered|Lexical|invalid parameter).*"), r.text());
    }

    private static void assertError(String path, int status, String parameter, String detailPart) throws Exception {
        HttpJson.Response r = http.get(path);
        assertEquals(status, r.status(), path + " -> " + r.text());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = r.json();
        assertFalse(body.get("error").asText().isBlank(), r.text());
        assertTrue(body.get("detail").asText().contains(detailPart), r.text());
        if (parameter != null) {
            assertEquals(parameter, body.get("parameter").asText(), r.text());
        }
        assertFalse(r.text().contains("at org."), "stack trace in " + r.text());
    }

    private static long countExpected(String key, String value) {
        long n = 0;
        for (JsonNode e : expected) {
            n += value.equals(e.get(key).asText()) ? 1 : 0;
        }
        return n;
    }

    private static long countExpectedRegion(String level, String value) {
        long n = 0;
        for (JsonNode e : expected) {
            n += value.equals(e.get("region").get(level).asText()) ? 1 : 0;
        }
        return n;
    }

    static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(key).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + key + "=" + value + " in " + array);
    }
}
