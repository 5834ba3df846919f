package org.disclosuresearch.api;

import org.disclosuresearch.query.MatchMode;
import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;
import org.disclosuresearch.search.DamagedIndexException;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.TextWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one client or one file could do to everyone else: huge answers, piles of slow requests, hostile names. */
class HostileRequestsTest {

    @TempDir
    Path dir;

    /** A report of 231,221 characters answers in windows of at most 200,000, with the matches of the whole text. */
    @Test
    void aLongReportIsAnsweredOneWindowAtATime() throws Exception {
        String paragraph = "本机关依申请公开政府信息，朋友圈转发若干。".repeat(50) + "\n"; // 1,051 characters
        String text = paragraph.repeat(220) + "完"; // 231,221 characters, 220 × 50 matches
        Report big = ApiServerLimitsTest.report(new SourceInfo("big.txt", "txt", text.length(), "", null, null))
                .toBuilder().id("big").text(text).build();
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.index(List.of(big));
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index);
             ApiServer server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, null)).start()) {
            HttpJson http = new HttpJson(server.port());
            HttpJson.Response first = http.get("/api/reports/big?q=" + HttpJson.enc("朋友圈"));
            assertEquals(200, first.status(), first.text());
            JsonNode body = first.json();
            assertEquals(text.length(), body.get("textLength").asInt());
            assertEquals(0, body.get("textOffset").asInt());
            assertEquals(200_000, body.get("text").asText().length());
            assertEquals(220 * 50, body.get("matches").asInt());
            String html = body.get("highlightedText").asText();
            assertEquals(body.get("text").asText(), html.replace("<mark>", "").replace("</mark>", ""));
            assertTrue(html.startsWith("本机关依申请公开政府信息"), html.substring(0, 80));
            assertEquals(1, html.substring(0, 60).split("<mark>朋友圈</mark>转发若干", -1).length - 1, html.substring(0, 80));
            assertTrue(first.body().length < 1_600_000, "answer of " + first.body().length + " bytes");

            JsonNode last = http.get("/api/reports/big?q=" + HttpJson.enc("朋友圈") + "&offset=200000").json();
            assertEquals(200_000, last.get("textOffset").asInt());
            assertEquals(text.length() - 200_000, last.get("text").asText().length());
            assertTrue(last.get("text").asText().endsWith("完"));
            assertTrue(last.get("highlightedText").asText().contains("<mark>朋友圈</mark>"));
            JsonNode plain = http.get("/api/reports/big?offset=1051&length=10").json();
            assertEquals(text.substring(1051, 1061), plain.get("text").asText());
            assertFalse(plain.has("highlightedText"));
            HttpJson.Response tooLong = http.get("/api/reports/big?length=200001");
            assertEquals(400, tooLong.status());
            assertEquals("length", tooLong.json().get("parameter").asText());
        }
    }

    /**
     * More report views at once than the cap: the cap runs, the rest are told 503 with Retry-After after a short
     * wait. Without the cap all 10 would be held in memory at once.
     */
    @Test
    void heavyRequestsBeyondTheCapAreRefusedWith503AndRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Report report = ApiServerLimitsTest.report(new SourceInfo("r.txt", "txt", 4, "", null, null));
        ApiServerLimitsTest.FixedBackend slow = new ApiServerLimitsTest.FixedBackend(report) {
            @Override
            public Optional<TextWindow> highlightedText(String id, String query, MatchMode match, int offset,
                                                        int length) {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inside.decrementAndGet();
                }
                return super.highlightedText(id, query, match, offset, length);
            }
        };
        ApiServer.Options options = ApiServer.Options.defaults("127.0.0.1", 0, null).withHeavyRequests(2);
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try (ApiServer server = new ApiServer(slow, options).start()) {
            HttpJson http = new HttpJson(server.port());
            List<Future<HttpJson.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> http.get("/api/reports/r1?q=text")));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (answers.stream().filter(Future::isDone).count() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            release.countDown(); // the refusals are in: let the running ones finish
            int busy = 0;
            for (Future<HttpJson.Response> f : answers) {
                HttpJson.Response r = f.get(30, TimeUnit.SECONDS);
                if (r.status() == 503) {
                    busy++;
                    assertEquals("2", r.raw().headers().firstValue("Retry-After").orElse(""));
                    assertEquals("server busy", r.json().get("error").asText());
                } else {
                    assertEquals(200, r.status(), r.text());
                }
            }
            release.countDown();
            assertEquals(8, busy);
            assertEquals(2, most.get());
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    /**
     * An export that fails after rows were sent cuts the connection: the client sees a failed download, not a 200
     * whose last row is a JSON error. The server logs one line, no stack trace.
     */
    @Test
    void anExportThatFailsMidStreamIsAbortedAndLoggedInOneLine() throws Exception {
        Report report = ApiServerLimitsTest.report(new SourceInfo("r.txt", "txt", 4, "", null, null));
        ApiServerLimitsTest.FixedBackend failing = new ApiServerLimitsTest.FixedBackend(report) {
            @Override
            public void export(SearchRequest request, Consumer<Report> sink) {
                for (int i = 0; i < 5_000; i++) { // well past the 64 KB buffer: the 200 is on its way
                    sink.accept(report);
                }
                throw new IllegalStateException("stored fields of _0 are unreadable");
            }
        };
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ApiServer server = new ApiServer(failing, ApiServer.Options.defaults("127.0.0.1", 0, null)).start()) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/export.csv?q=x")).build();
            IOException cut = assertThrows(IOException.class,
                    () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
            assertTrue(cut.getMessage() != null, cut.toString());
            // the same over a raw socket: the chunked body never gets its last chunk
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(("GET /api/export.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.setSoTimeout(10_000);
                String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(raw.startsWith("HTTP/1.1 200"), raw.substring(0, Math.min(200, raw.length())));
                assertFalse(raw.endsWith("\r\n0\r\n\r\n"), "the chunked body was completed");
                assertFalse(raw.contains("internal error"), "a JSON error was appended to the CSV");
            }
        } finally {
            System.setErr(originalErr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        List<String> lines = logged.lines().filter(l -> l.contains("export")).toList();
        assertEquals(2, lines.size(), logged);
        assertTrue(lines.get(0).contains("failed after 5000 rows, connection aborted: stored fields of _0"), logged);
        assertFalse(logged.contains("\tat "), "a stack trace was logged:\n" + logged);
    }

    @Test
    void aDamagedReportIsAJsonErrorThatSaysSoNotAServerBug() throws Exception {
        Report report = ApiServerLimitsTest.report(new SourceInfo("r.txt", "txt", 4, "", null, null));
        ApiServerLimitsTest.FixedBackend damaged = new ApiServerLimitsTest.FixedBackend(report) {
            @Override
            public Optional<Report> report(String id) {
                throw new DamagedIndexException(id, new IOException("Invalid vLong detected"));
            }
        };
        try (ApiServer server = new ApiServer(damaged, ApiServer.Options.defaults("127.0.0.1", 0, null)).start()) {
            HttpJson.Response r = new HttpJson(server.port()).get("/api/reports/r1");
            assertEquals(503, r.status(), r.text());
            assertEquals("damaged index", r.json().get("error").asText());
            assertTrue(r.json().get("detail").asText().startsWith("report 'r1' cannot be read from the index"),
                    r.text());
            assertTrue(r.json().get("detail").asText().contains("index --rebuild"), r.text());
        }
    }

    @Test
    void onlyTheBoundHostNamesAreAnsweredUnlessMoreAreAllowed() throws Exception {
        try (ApiServer server = new ApiServer(new ApiServerLimitsTest.FixedBackend(null),
                ApiServer.Options.defaults("127.0.0.1", 0, null).withAllowedHosts(Set.of("search.example.org")))
                .start()) {
            for (String host : List.of("127.0.0.1", "localhost", "LOCALHOST.", "[::1]", "search.example.org")) {
                assertEquals(200, rawStatus(server.port(), "/api/health", host + ":" + server.port()), host);
            }
            for (String path : List.of("/api/health", "/")) {
                String answer = raw(server.port(), path, "rebinding.attacker.example:" + server.port());
                assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
                JsonNode body = Json.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertEquals("host not allowed", body.get("error").asText());
                assertTrue(body.get("detail").asText().contains("--allow-host"), answer);
            }
        }
    }

    @Test
    void aFileWithABackslashInItsNameCanBeDownloaded() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("back\\slash.txt"), "正文", StandardCharsets.UTF_8);
        Report report = ApiServerLimitsTest.report(new SourceInfo("back\\slash.txt", "txt", 6, "", null, null));
        try (ApiServer server = new ApiServer(new ApiServerLimitsTest.FixedBackend(report),
                ApiServer.Options.defaults("127.0.0.1", 0, docs)).start()) {
            HttpJson.Response r = new HttpJson(server.port()).get("/api/reports/r1/original");
            assertEquals(200, r.status(), r.text());
            assertEquals("正文", r.text());
        }
    }

    @Test
    void anOriginalBehindALinkOutOfTheDocsFolderIsServedOnlyWithFollowLinks() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("outside.txt"), "外部文件", StandardCharsets.UTF_8);
        Files.createSymbolicLink(docs.resolve("link.txt"), dir.resolve("outside.txt"));
        Report report = ApiServerLimitsTest.report(new SourceInfo("link.txt", "txt", 12, "", null, null));
        ApiServer.Options options = ApiServer.Options.defaults("127.0.0.1", 0, docs);
        try (ApiServer server = new ApiServer(new ApiServerLimitsTest.FixedBackend(report), options).start()) {
            assertEquals(404, new HttpJson(server.port()).get("/api/reports/r1/original").status());
        }
        try (ApiServer server = new ApiServer(new ApiServerLimitsTest.FixedBackend(report),
                options.withFollowLinks(true)).start()) {
            assertEquals("外部文件", new HttpJson(server.port()).get("/api/reports/r1/original").text());
        }
    }

    private static int rawStatus(int port, String path, String host) throws IOException {
        return Integer.parseInt(raw(port, path, host).substring(9, 12));
    }

    private static String raw(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
