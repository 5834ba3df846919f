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

    /** Every engine: embedded, SQLite, and a Solr node in a child JVM with our collection and stock Solr's. */
    private static BenchOptions options(Path out, HttpLoad.Settings http) {
        // the default seed: its first 200 reports hold a planted phrase that smartcn cuts differently in context
        return new BenchOptions(out, List.of(200L), BenchOptions.DEFAULT_SEED, new QueryBench.Settings(1, 2, 1, 5), http,
                true, false, out.resolve("BENCHMARKS.md"), out.resolve("benchmarks.json"), false,
                BenchOptions.DEFAULT_CRAWLED_SHARE, true, "1g", SolrNode.defaultClasspathFile(),
                org.disclosuresearch.synthetic.Repetition.REALISTIC,
                new BenchOptions.Phases(true, 3, true, true, Long.MAX_VALUE));
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
        for (String engine : List.of("ours", "peer")) {
            JsonNode kinds = size.at("/cold/" + engine + "/kinds");
            for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                JsonNode k = kinds.path(kind.name());
                assertEquals(3, k.path("samples").asLong(), engine + " cold " + kind + ": each query once: " + k);
                assertTrue(k.path("p50Ms").asDouble() > 0, engine + " cold " + kind + ": " + k);
                assertEquals(0, k.path("errors").asLong(), engine + " cold " + kind + ": " + size.at("/cold/" + engine + "/errors"));
            }
        }
        JsonNode followUps = size.path("followUps");
        int searches = 3 * BenchQuery.Kind.values().length;
        assertEquals(searches, followUps.path("queries").asLong(), "follow-ups of every cold search: " + followUps);
        assertEquals(0, followUps.path("errors").size(), followUps.toString());
        for (String backend : List.of("remembering", "counting")) {
            for (String step : List.of("first", "resorted")) {
                assertEquals(searches, followUps.at("/" + backend + "/" + step + "/samples").asLong(),
                        backend + " " + step + ": " + followUps);
            }
        }
        assertEquals(followUps.at("/counting/nextPage/samples").asLong(),
                followUps.at("/remembering/nextPage/samples").asLong(), "the same next pages on both: " + followUps);
        assertEquals(200, size.at("/noopIndex/unchanged").asLong(), "the no-op run finds every report unchanged");
        assertEquals(0, size.at("/noopIndex/indexed").asLong());
        assertPositive(size, "noopIndex.seconds", "serveStart.listeningSeconds", "serveStart.firstAnswerSeconds",
                "serveStart.firstQueryMs");
        assertTrue(size.at("/serveStart/firstAnswerSeconds").asDouble() >= size.at("/serveStart/listeningSeconds").asDouble());
        JsonNode recall = size.at("/recall");
        assertEquals(QueryMix.RECALL_PHRASES.size(), recall.size());
        for (JsonNode r : recall) {
            assertEquals(1.0, r.path("oursRecall").asDouble(), "disclosure-search phrase recall: " + r);
            assertEquals(r.path("truth").asLong(), r.path("oursFound").asLong(), "no false hits: " + r);
        }
        solrEngines(out, size);

        JsonNode levels = size.at("/http/levels");
        assertEquals(2, levels.size());
        for (JsonNode level : levels) {
            assertTrue(level.path("qps").asDouble() > 0 && level.path("p99Ms").asDouble() > 0, level.toString());
            assertEquals(0, level.path("errors").asLong(), level.toString());
        }

        String md = Files.readString(out.resolve("BENCHMARKS.md"));
        assertTrue(md.contains("crawled pages (one line, cells glued): figures read back"), "BENCHMARKS.md has the crawled line");
        assertTrue(md.contains("`index` again on the unchanged corpus (no-op)") && md.contains("`serve`: new server JVM"), md);
        for (String section : List.of("## Targets", "## Building", "## Query latency at 200 reports",
                "## Cold vs repeated queries at 200 reports", "## Follow-ups at 200 reports",
                "## Beside SolrCloud at 200 reports",
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
        assertEquals(size.at("/solr/ours/seconds").asDouble(), again.at("/solr/ours/seconds").asDouble(),
                "the Solr phase is reused, not run again");
    }

    /**
     * Both Solr collections hold every report; ours on Solr finds exactly the substring truth; every report stock Solr
     * is said to miss really holds the phrase (checked here against the parsed reports, not the harness's truth).
     */
    private static void solrEngines(Path out, JsonNode size) throws Exception {
        JsonNode solr = size.path("solr");
        assertEquals(200, solr.at("/ours/indexed").asLong(), solr.toString());
        assertEquals(200, solr.at("/stock/indexed").asLong(), solr.toString());
        assertPositive(solr, "ours.sizeBytes", "stock.sizeBytes", "ours.seconds", "stock.seconds",
                "oursQueries.mix.p50Ms", "stockQueries.mix.p50Ms");
        for (String engine : List.of("oursQueries", "stockQueries")) {
            for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                JsonNode k = solr.path(engine).path("kinds").path(kind.name());
                assertTrue(k.path("samples").asLong() > 0, engine + " " + kind + ": " + k);
                assertEquals(0, k.path("errors").asLong(), engine + " " + kind + ": " + solr.path(engine).path("errors"));
            }
        }
        // ours on Solr answers the mix's phrase queries as the embedded index does
        JsonNode embeddedTotals = size.at("/queries/ours/totals");
        JsonNode solrTotals = solr.at("/oursQueries/totals");
        embeddedTotals.fieldNames().forEachRemaining(q -> {
            if (!q.startsWith(BenchQuery.Kind.DEEP_PAGE.name())) {
                assertEquals(embeddedTotals.path(q).asLong(), solrTotals.path(q).asLong(), "total of " + q);
            }
        });

        java.util.Map<String, String> texts = new java.util.HashMap<>();
        BesideSolr.forEachReport(out.resolve("parsed-200.jsonl"), r -> texts.put(r.id(), r.text()));
        assertEquals(200, texts.size());
        JsonNode rows = solr.path("recall");
        assertEquals(QueryMix.RECALL_PHRASES.size(), rows.size());
        long stockMisses = 0;
        for (JsonNode r : rows) {
            String phrase = r.path("phrase").asText();
            long truth = texts.values().stream().filter(t -> t.contains(phrase)).count();
            assertEquals(truth, r.path("truth").asLong(), "substring truth of " + phrase);
            JsonNode ours = r.path("oursOnSolr");
            assertEquals(truth, ours.path("found").asLong(), "ours on Solr finds every report with " + phrase);
            assertEquals(0, ours.path("falseHits").asLong(), phrase);
            assertEquals(1.0, ours.path("recall").asDouble(), phrase);
            JsonNode stock = r.path("stockSolr");
            assertEquals(truth, stock.path("found").asLong() - stock.path("falseHits").asLong()
                    + stock.path("missedCount").asLong(), "stock's hits and misses add up to the truth: " + r);
            for (JsonNode miss : stock.path("missed")) {
                String text = texts.get(miss.path("id").asText());
                assertTrue(text != null && text.contains(phrase), "a real miss: " + miss + " holds " + phrase);
                assertTrue(miss.path("context").asText().contains(phrase), miss.toString());
            }
            stockMisses += stock.path("missedCount").asLong();
        }
        // at this seed smartcn cuts a planted phrase differently inside a sentence (…就跨省通办事项…: 跨 / 省 / 通 / 办事)
        assertTrue(stockMisses > 0, "stock Solr misses phrases that smartcn segments differently in context: " + rows);
    }

    private static void assertPositive(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode v = node.at("/" + path.replace('.', '/'));
            assertTrue(v.isNumber() && v.asDouble() > 0, path + " = " + v);
        }
    }
}
