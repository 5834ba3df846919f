package org.disclosuresearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness at a tiny size: both files come out with every metric, and a second run resumes instead of redoing. */
class BenchmarkTest {

    private static BenchOptions options(Path out, HttpLoad.Settings http) {
        return new BenchOptions(out, List.of(200L), 5, new QueryBench.Settings(1, 2, 1, 5), http, true, false,
                out.resolve("BENCHMARKS.md"), out.resolve("benchmarks.json"), false, BenchOptions.DEFAULT_CRAWLED_SHARE);
    }

    @Test
    void aTinyRunWritesTheTableAndTheJsonWithEveryMetric(@TempDir Path out) throws Exception {
        List<String> progress = new ArrayList<>();
        new Benchmark(options(out, new HttpLoad.Settings(List.of(1, 4), 0.2, 1, "512m")), progress::add).run();

        JsonNode all = Json.mapper().readTree(out.resolve("benchmarks.json").toFile());
        JsonNode size = all.path("sizes").get(0);
        assertEquals(200, size.path("reports").asLong());
        assertPositive(size, "corpus.rawBytes", "index.reportsPerSecond", "index.mbPerSecond", "index.sizeBytes",
                "index.bytesPerReport", "index.ratioToRaw", "index.peakHeapMb", "parse.reportsPerSecond",
                "parse.mbPerSecond", "peer.buildSeconds", "peer.sizeBytes", "peer.ratioToRaw",
                "queries.ours.mix.p50Ms", "queries.peer.mix.p50Ms", "http.serverPeakRssMb");
        assertEquals(200, size.at("/index/indexed").asLong());
        assertEquals(0, size.at("/parse/failed").asLong());
        assertEquals(size.at("/parse/sampledForAgreement").asLong(), size.at("/parse/agreeingWithGenerator").asLong(),
                "the parser reads the sampled reports as generated");
        assertEquals(BenchOptions.DEFAULT_CRAWLED_SHARE, size.at("/parse/crawled/share").asDouble());
        assertTrue(size.at("/parse/crawled/sampled").isNumber(), "crawled pages sampled: " + size.at("/parse"));
        assertEquals(0, size.at("/parse/crawled/figuresWrong").asLong(), "no wrong figure on a crawled page");
        for (String engine : List.of("ours", "peer")) {
            JsonNode kinds = size.at("/queries/" + engine + "/kinds");
            for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                JsonNode k = kinds.path(kind.name());
                assertTrue(k.path("samples").asLong() > 0, engine + " " + kind + " has samples: " + k);
                for (String metric : List.of("p50Ms", "p95Ms", "p99Ms", "qps", "roundP50MinMs", "roundP50MaxMs")) {
                    assertTrue(k.path(metric).asDouble() > 0, engine + " " + kind + " " + metric + ": " + k);
                }
                assertEquals(0, k.path("errors").asLong(), engine + " " + kind + " errors: " + size.at("/queries/" + engine + "/errors"));
            }
        }
        JsonNode recall = size.at("/recall");
        assertEquals(QueryMix.RECALL_PHRASES.size(), recall.size());
        for (JsonNode r : recall) {
            assertEquals(1.0, r.path("oursRecall").asDouble(), "disclosure-search phrase recall: " + r);
            assertEquals(r.path("truth").asLong(), r.path("oursFound").asLong(), "no false hits: " + r);
        }
        JsonNode levels = size.at("/http/levels");
        assertEquals(2, levels.size());
        for (JsonNode level : levels) {
            assertTrue(level.path("qps").asDouble() > 0 && level.path("p99Ms").asDouble() > 0, level.toString());
            assertEquals(0, level.path("errors").asLong(), level.toString());
        }

        String md = Files.readString(out.resolve("BENCHMARKS.md"));
        assertTrue(md.contains("crawled pages (one line, cells glued): figures read back"), "BENCHMARKS.md has the crawled line");
        for (String section : List.of("## Targets", "## Building", "## Query latency at 200 reports",
                "## Phrase recall at 200 reports", "## HTTP API at 200 reports", "## How it was measured")) {
            assertTrue(md.contains(section), "BENCHMARKS.md has " + section);
        }
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            assertTrue(md.contains("| " + kind.label + " |"), "BENCHMARKS.md has a row for " + kind.label);
        }
        assertTrue(!md.contains("NaN"), "no NaN in the table");
        assertTrue(md.contains("Same answer check") && md.contains("no query differed"), "both engines agree on phrase totals");
        assertTrue(md.contains("Command: `java -jar bench/target/disclosure-search-bench.jar --sizes 200"), "the command is stated");

        // a second run reuses the corpus, the index and every finished phase
        progress.clear();
        new Benchmark(options(out, new HttpLoad.Settings(List.of(1, 4), 0.2, 1, "512m")), progress::add).run();
        JsonNode again = Json.mapper().readTree(out.resolve("benchmarks.json").toFile()).path("sizes").get(0);
        assertEquals(0, again.at("/corpus/generatedNow").asLong());
        assertEquals(size.at("/index/seconds").asDouble(), again.at("/index/seconds").asDouble());
        assertTrue(progress.stream().anyMatch(l -> l.contains("index: reusing")), progress.toString());
    }

    private static void assertPositive(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode v = node.at("/" + path.replace('.', '/'));
            assertTrue(v.isNumber() && v.asDouble() > 0, path + " = " + v);
        }
    }
}
