package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.disclosuresearch.search.TextWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limits, internal errors and the docs-root guard, each on a server of its own. */
class ApiServerLimitsTest {

    @Test
    void aClientOverItsRateGetsJson429sWhileOthersAreUnaffected() throws Exception {
        ApiServer.Options options = new ApiServer.Options("127.0.0.1", 0, null,
                SearchParameters.Limits.DEFAULT, 0.5, 3);
        try (ApiServer server = new ApiServer(new FixedBackend(null), options).start()) {
            HttpJson http = new HttpJson(server.port());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, http.get("/api/health").status());
            }
            HttpJson.Response limited = http.get("/api/health");
            assertEquals(429, limited.status());
            assertEquals("too many requests", limited.json().get("error").asText());
            assertTrue(limited.json().get("detail").asText().contains("retry"));
            assertEquals("1", limited.raw().headers().firstValue("Retry-After").orElse(""));
            // the page itself is not rate limited
            assertEquals(200, http.get("/").status());
        }
    }

    @Test
    void aFailingBackendGivesJson500WithoutStackTrace() throws Exception {
        SearchBackend broken = new FixedBackend(null) {
            @Override
            public SearchResult search(SearchRequest request) {
                throw new IllegalStateException("index file _3.cfs is corrupt at /secret/path");
            }
        };
        try (ApiServer server = new ApiServer(broken, ApiServer.Options.defaults("127.0.0.1", 0, null)).start()) {
            HttpJson.Response r = new HttpJson(server.port()).get("/api/search?q=x");
            assertEquals(500, r.status());
            JsonNode body = r.json();
            assertEquals("internal error", body.get("error").asText());
            assertFalse(r.text().contains("secret"), r.text());
            assertFalse(r.text().contains("Exception"), r.text());
        }
    }

    @Test
    void originalsNeverLeaveTheDocsFolder(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("secret.txt"), "not for you");
        Files.writeString(docs.resolve("ok.txt"), "a report");
        for (String path : List.of("../secret.txt", dir.resolve("secret.txt").toString(), "./../docs/../secret.txt")) {
            Report poisoned = report(new SourceInfo(path, "txt", 11, "", null, null));
            try (ApiServer server = new ApiServer(new FixedBackend(poisoned),
                    ApiServer.Options.defaults("127.0.0.1", 0, docs)).start()) {
                HttpJson.Response r = new HttpJson(server.port()).get("/api/reports/r1/original");
                assertEquals(404, r.status(), path);
                assertFalse(r.text().contains("not for you"));
            }
        }
        Files.createSymbolicLink(docs.resolve("link.txt"), dir.resolve("secret.txt"));
        Report linked = report(new SourceInfo("link.txt", "txt", 11, "", null, null));
        try (ApiServer server = new ApiServer(new FixedBackend(linked),
                ApiServer.Options.defaults("127.0.0.1", 0, docs)).start()) {
            assertEquals(404, new HttpJson(server.port()).get("/api/reports/r1/original").status());
        }
        Report fine = report(new SourceInfo("ok.txt", "txt", 8, "", null, null));
        try (ApiServer server = new ApiServer(new FixedBackend(fine),
                ApiServer.Options.defaults("127.0.0.1", 0, docs)).start()) {
            HttpJson.Response r = new HttpJson(server.port()).get("/api/reports/r1/original");
            assertEquals(200, r.status());
            assertEquals("a report", r.text());
        }
    }

    @Test
    void withoutDocsFolderOriginalsAreA404ThatSaysWhy() throws Exception {
        Report r = report(new SourceInfo("ok.txt", "txt", 8, "", null, null));
        try (ApiServer server = new ApiServer(new FixedBackend(r), ApiServer.Options.defaults("127.0.0.1", 0, null))
                .start()) {
            HttpJson.Response response = new HttpJson(server.port()).get("/api/reports/r1/original");
            assertEquals(404, response.status());
            assertTrue(response.json().get("detail").asText().contains("--docs"));
        }
    }

    static Report report(SourceInfo source) {
        return Report.builder()
                .id("r1")
                .file("x.txt")
                .agency("某局")
                .year(2021)
                .template("2021")
                .agencyType("其他")
                .figures(Map.of())
                .failedChecks(List.of())
                .source(source)
                .text("text")
                .build();
    }

    /** A backend that knows one report and finds nothing: enough to exercise the server's own rules. */
    static class FixedBackend implements SearchBackend {
        private final Report report;

        FixedBackend(Report report) {
            this.report = report;
        }

        @Override
        public SearchResult search(SearchRequest request) {
            return new SearchResult(0, List.of(), Map.of(), List.of(), null);
        }

        @Override
        public Optional<Report> report(String id) {
            return report != null && report.id().equals(id) ? Optional.of(report) : Optional.empty();
        }

        @Override
        public Optional<TextWindow> highlightedText(String id, String query, MatchMode match, int offset,
                                                    int length) {
            return report(id).map(r -> {
                int from = Math.min(offset, r.text().length());
                int to = Math.min(r.text().length(), from + length);
                return new TextWindow(r.text().substring(from, to), from, to, r.text().length(), 0);
            });
        }

        @Override
        public void export(SearchRequest request, Consumer<Report> sink) {
        }

        @Override
        public List<IndexedReport> newest(SearchRequest request, int limit) {
            return List.of();
        }

        @Override
        public long size() {
            return report == null ? 0 : 1;
        }

        @Override
        public void close() {
        }
    }
}
