package org.disclosuresearch.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.search.SearchRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON API under concurrent clients on loopback: a server JVM ({@link BenchServer}, own heap limit) and
 * 1, 8, 32 … client threads in this JVM, each sending the query mix's {@code GET /api/search} requests back to back
 * (java.net.http). Note that on a small machine the clients take CPU from the server.
 */
public final class HttpLoad {

    public record Settings(List<Integer> clients, double warmupSeconds, double seconds, String serverHeap) {
    }

    private HttpLoad() {
    }

    static ObjectNode run(Path indexDir, List<SearchRequest> requests, Settings settings, Path log,
                          QueryBench.Progress progress) throws IOException, InterruptedException {
        Process server = startServer(indexDir, settings.serverHeap(), log);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("serverHeap", settings.serverHeap());
        node.put("warmupSeconds", settings.warmupSeconds());
        node.put("secondsPerLevel", settings.seconds());
        try {
            int port = awaitPort(server, log);
            List<URI> uris = new ArrayList<>();
            for (SearchRequest r : requests) {
                uris.add(URI.create("http://127.0.0.1:" + port + "/api/search?" + queryString(r)));
            }
            ArrayNode levels = node.putArray("levels");
            for (int clients : settings.clients()) {
                load(uris, clients, settings.warmupSeconds(), null);
                Latencies l = new Latencies();
                long wall = load(uris, clients, settings.seconds(), l);
                l.endRound(wall);
                ObjectNode level = l.summary();
                level.put("clients", clients);
                levels.add(level);
                progress.say(String.format("  HTTP %d clients: %.0f req/s, p99 %.1f ms, %d errors", clients,
                        level.get("qps").asDouble(), level.get("p99Ms").asDouble(), level.get("errors").asLong()));
            }
            node.put("serverPeakRssMb", peakRssMb(server.pid()));
        } finally {
            stopServer(server);
        }
        return node;
    }

    /**
     * How long a new server JVM on the index takes until it listens and until it has answered its first query, as a
     * user waits after {@code serve}: the JVM's start, opening the index, the first search with nothing warm.
     */
    static ObjectNode firstAnswer(Path indexDir, SearchRequest request, String heap, Path log)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process server = startServer(indexDir, heap, log);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("serverHeap", heap);
        try {
            int port = awaitPort(server, log);
            node.put("listeningSeconds", Latencies.round((System.nanoTime() - start) / 1e9));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/search?" + queryString(request));
            long asked = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long answered = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IOException("the first query " + uri + " answered HTTP " + r.statusCode() + " (see " + log + ")");
            }
            node.put("firstQuery", uri.getRawQuery());
            node.put("firstQueryMs", Latencies.round((answered - asked) / 1e6));
            node.put("firstAnswerSeconds", Latencies.round((answered - start) / 1e9));
        } finally {
            stopServer(server);
        }
        return node;
    }

    private static Process startServer(Path indexDir, String heap, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                BenchServer.class.getName(), indexDir.toAbsolutePath().toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    private static void stopServer(Process server) throws IOException, InterruptedException {
        server.getOutputStream().close();
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    /** Runs {@code clients} threads for {@code seconds}; records each request's latency when {@code into} is set. */
    private static long load(List<URI> uris, int clients, double seconds, Latencies into) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> perClient = new ArrayList<>(java.util.Collections.nCopies(clients, new long[0]));
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int[] n = {0};
            int slot = c;
            pool.execute(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        URI uri = uris.get(Math.floorMod(next.getAndIncrement(), uris.size()));
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            continue;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        if (n[0] == mine[0].length) {
                            mine[0] = java.util.Arrays.copyOf(mine[0], n[0] * 2);
                        }
                        mine[0][n[0]++] = System.nanoTime() - t0;
                    }
                } finally {
                    synchronized (perClient) {
                        perClient.set(slot, java.util.Arrays.copyOf(mine[0], n[0]));
                    }
                    done.countDown();
                }
            });
        }
        done.await();
        long wall = System.nanoTime() - start;
        pool.shutdown();
        if (into != null) {
            synchronized (perClient) {
                for (long[] samples : perClient) {
                    for (long s : samples) {
                        into.record(s);
                    }
                }
            }
            for (long e = 0; e < errors.get(); e++) {
                into.error();
            }
        }
        return wall;
    }

    static String queryString(SearchRequest r) {
        List<String> params = new ArrayList<>();
        params.add("q=" + encode(r.query()));
        r.facets().forEach((dim, values) -> values.forEach(v -> params.add(encode(dim) + "=" + encode(v))));
        r.ranges().forEach(range -> params.add("range=" + encode(range.field() + ":"
                + (range.min() == null ? "" : stripZero(range.min())) + ".."
                + (range.max() == null ? "" : stripZero(range.max())))));
        if (!r.sort().isRelevance()) {
            params.add("sort=" + encode(r.sort().field() + (r.sort().descending() ? ":desc" : ":asc")));
        }
        params.add("size=" + r.size());
        if (r.cursor() != null) {
            params.add("cursor=" + encode(r.cursor()));
        }
        r.stats().forEach(s -> params.add("stats=" + encode(s.field() + (s.by() == null ? "" : "," + s.by()))));
        return String.join("&", params);
    }

    private static String stripZero(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int awaitPort(Process server, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(BenchServer.READY)) {
                return Integer.parseInt(line.substring(BenchServer.READY.length()).trim());
            }
        }
        throw new IOException("the benchmark server exited before listening; see " + log);
    }

    /** The server process's peak resident memory (Linux VmHWM), or -1 where /proc is not available. */
    static double peakRssMb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
