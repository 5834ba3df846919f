package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.TableLayout;
import org.disclosuresearch.synthetic.SyntheticReport;
import org.disclosuresearch.synthetic.PlantedPhrase;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.index.ClauseWordAnalyzer;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportFileReader;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole benchmark: for each corpus size, build (or reuse) the synthetic corpus, index it with the project's
 * Indexer, parse it once more while loading the SQLite peer and computing the substring truth of the recall phrases,
 * check phrase recall of both engines, time the query mix on both, and load the HTTP API. Each finished phase is saved
 * in {@code out/results/size-N.json} so that an interrupted run resumes where it stopped.
 */
public final class Benchmark {

    private static final long ID_RECALL_LIMIT = 20_000;

    private final BenchOptions options;
    private final QueryBench.Progress progress;
    private final SyntheticCorpus corpus;
    private final HeapMeter heap = new HeapMeter();

    public Benchmark(BenchOptions options, QueryBench.Progress progress) {
        this.options = options;
        this.progress = progress;
        this.corpus = new SyntheticCorpus(options.out().resolve("corpus"), options.seed(), options.crawledShare(),
                options.repetition());
    }

    /** Runs every size and writes the Markdown table and the JSON file; returns the JSON. */
    public ObjectNode run() throws IOException, InterruptedException {
        ObjectNode all = Json.mapper().createObjectNode();
        all.put("generated", Instant.now().toString());
        all.set("machine", machine());
        all.put("seed", options.seed());
        all.put("corpusVersion", SyntheticCorpus.VERSION);
        all.put("repetition", options.repetition().name().toLowerCase(java.util.Locale.ROOT));
        all.put("command", options.commandLine());
        ArrayNode sizes = all.putArray("sizes");
        for (long size : options.sizes()) {
            sizes.add(runSize(size));
        }
        Files.createDirectories(options.json().toAbsolutePath().getParent());
        Files.writeString(options.json(), all.toPrettyString(), StandardCharsets.UTF_8);
        Files.createDirectories(options.markdown().toAbsolutePath().getParent());
        String kept = Files.exists(options.markdown())
                ? BenchReportWriter.handWritten(Files.readString(options.markdown(), StandardCharsets.UTF_8)) : "";
        Files.writeString(options.markdown(), new BenchReportWriter().write(all) + kept, StandardCharsets.UTF_8);
        progress.say("wrote " + options.markdown() + " and " + options.json());
        return all;
    }

    private ObjectNode runSize(long size) throws IOException, InterruptedException {
        Path results = options.out().resolve("results").resolve("size-" + size + ".json");
        Path indexDir = options.out().resolve("index-" + size);
        Path peerFile = options.out().resolve("sqlite-" + size + ".db");
        if (options.fresh()) {
            Files.deleteIfExists(results);
            deleteTree(indexDir);
            SqlitePeer.open(peerFile, true).close();
        }
        ObjectNode node = Files.exists(results) ? (ObjectNode) Json.mapper().readTree(results.toFile())
                : Json.mapper().createObjectNode();
        node.put("reports", size);
        node.remove(List.of("loadAverageAtStart", "loadAverageAtEnd")); // per phase now: a resumed run mixes runs

        progress.say(String.format("[%d] corpus: ensuring %d reports in %s", size, size, corpus.root()));
        long generated = corpus.ensure(size, done -> {
            if (done % 10_000 == 0 || done == size) {
                progress.say(String.format("[%d] corpus: %d reports on disk", size, done));
            }
        });
        // a size measured before keeps its byte count: the corpus is fixed by its seed and version (checked above),
        // and a resumed run need not stat a million files again (nor keep them, once parsed and indexed)
        JsonNode earlier = node.path("corpus");
        long rawBytes = earlier.has("rawBytes") ? earlier.get("rawBytes").asLong() : corpus.bytes(size);
        ObjectNode corpusNode = node.putObject("corpus");
        corpusNode.put("rawBytes", rawBytes).put("meanBytes", rawBytes / size).put("generatedNow", generated)
                .put("folder", corpus.root().toString());
        save(results, node);

        if (!node.has("index")) {
            double load = loadAverage();
            node.set("index", stampLoad(index(size, indexDir, rawBytes), load));
            save(results, node);
        } else {
            progress.say("[" + size + "] index: reusing " + indexDir + " (results saved earlier)");
        }
        boolean peerHere = options.peerAt(size);
        if (options.phases().startup() && !node.has("noopIndex")) {
            double load = loadAverage();
            node.set("noopIndex", stampLoad(noopIndex(size, indexDir), load));
            save(results, node);
        }
        // timed as the engine's work: a remembered count would answer the repeated mix from memory (FollowUps)
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(indexDir, false)) {
            OurEngine ours = new OurEngine(backend);
            List<BenchQuery> mix = QueryMix.build(corpus.generator(), size);
            Path jsonl = options.out().resolve("parsed-" + size + ".jsonl");
            if ((options.phases().parse() && !node.has("parse")) || (peerHere && !node.has("peer"))
                    || (options.solr() && !node.has("solr") && !Files.exists(jsonl))) {
                double load = loadAverage();
                parsePass(size, peerHere ? peerFile : null, options.solr() ? jsonl : null, rawBytes, ours, node);
                stampLoad((ObjectNode) node.get("parse"), load);
                save(results, node);
            }
            if (options.phases().queries() && !node.has("queries")) {
                ObjectNode queries = Json.mapper().createObjectNode();
                double load = loadAverage();
                progress.say("[" + size + "] queries: disclosure-search");
                heap.reset();
                queries.set("ours", QueryBench.measure(ours, mix, options.queries(), progress));
                queries.put("oursPeakHeapMb", Latencies.round(heap.peakHeapMb()));
                if (peerHere) {
                    progress.say("[" + size + "] queries: SQLite FTS5");
                    try (SqlitePeer peer = SqlitePeer.open(peerFile, false)) {
                        queries.set("peer", QueryBench.measure(new PeerEngine(peer), mix, options.queries(), progress));
                    }
                }
                node.set("queries", stampLoad(queries, load));
                save(results, node);
            }
            if (options.phases().coldPerKind() > 0 && !node.has("cold")) {
                List<BenchQuery> cold = QueryMix.cold(corpus.generator(), size, options.phases().coldPerKind());
                ObjectNode coldNode = Json.mapper().createObjectNode();
                double load = loadAverage();
                progress.say("[" + size + "] cold queries: " + cold.size() + " never seen before, once each");
                coldNode.set("ours", QueryBench.measureCold(ours, cold));
                if (peerHere) {
                    try (SqlitePeer peer = SqlitePeer.open(peerFile, false)) {
                        coldNode.set("peer", QueryBench.measureCold(new PeerEngine(peer), cold));
                    }
                }
                node.set("cold", stampLoad(coldNode, load));
                save(results, node);
            }
            if (options.phases().coldPerKind() > 0 && !node.has("followUps")) {
                List<BenchQuery> cold = QueryMix.cold(corpus.generator(), size, options.phases().coldPerKind());
                progress.say("[" + size + "] follow-ups: next page and another sort of " + cold.size() + " searches");
                double load = loadAverage();
                try (LuceneSearchBackend remembering = LuceneSearchBackend.open(indexDir, true)) {
                    node.set("followUps", stampLoad(FollowUps.measure(backend, remembering, cold), load));
                }
                save(results, node);
            }
            if (options.phases().startup() && !node.has("serveStart")) {
                BenchQuery first = mix.stream().filter(q -> q.kind() == BenchQuery.Kind.PHRASE_FILTERED).findFirst()
                        .orElseThrow();
                String heapSize = options.http() != null ? options.http().serverHeap() : "1g";
                progress.say("[" + size + "] serve start: a new server JVM (-Xmx" + heapSize + ") until its first answer");
                double load = loadAverage();
                ObjectNode start = HttpLoad.firstAnswer(indexDir, ours.request(first), heapSize,
                        options.out().resolve("server-start-" + size + ".log"));
                progress.say(String.format("[%d] serve start: listening after %.1f s, first answer after %.1f s", size,
                        start.get("listeningSeconds").asDouble(), start.get("firstAnswerSeconds").asDouble()));
                node.set("serveStart", stampLoad(start, load));
                save(results, node);
            }
            if (options.solr() && !node.has("solr")) {
                double load = loadAverage();
                node.set("solr", stampLoad(new BesideSolr(options, progress).run(size, jsonl, mix), load));
                save(results, node);
            }
            if (options.http() != null && !node.has("http")) {
                progress.say("[" + size + "] HTTP API: server -Xmx" + options.http().serverHeap());
                double load = loadAverage();
                List<SearchRequest> requests = new ArrayList<>();
                List<String> skipped = new ArrayList<>();
                for (BenchQuery q : mix) {
                    try {
                        requests.add(ours.request(q));
                    } catch (RuntimeException e) {
                        skipped.add(q + ": " + e.getMessage()); // already reported by the query timing
                    }
                }
                ObjectNode http = HttpLoad.run(indexDir, requests, options.http(),
                        options.out().resolve("server-" + size + ".log"), progress);
                var skippedList = http.putArray("skippedQueries");
                skipped.forEach(skippedList::add);
                node.set("http", stampLoad(http, load));
                save(results, node);
            }
        }
        if (options.discard()) {
            progress.say("[" + size + "] discarding " + indexDir + ", " + peerFile + " and the Solr node's data (results are kept)");
            deleteTree(indexDir);
            deleteTree(options.out().resolve("solr-" + size));
            Files.deleteIfExists(options.out().resolve("parsed-" + size + ".jsonl"));
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(peerFile.resolveSibling(peerFile.getFileName() + suffix));
            }
        }
        return node;
    }

    /** The project's Indexer over the first {@code size} reports: parse + index, as the {@code index} command runs. */
    private ObjectNode index(long size, Path indexDir, long rawBytes) throws IOException {
        deleteTree(indexDir); // an earlier run that did not finish: start clean, the numbers must be of one run
        IndexerConfig config = IndexerConfig.defaults();
        progress.say(String.format("[%d] index: %d parse threads into %s", size, config.threads(), indexDir));
        heap.reset();
        ClauseWordAnalyzer.CacheCounts cacheBefore = Analyzers.wordCacheCounts();
        long start = System.nanoTime();
        IndexSummary summary;
        try (Indexer indexer = new Indexer(indexDir, config)) {
            summary = indexer.update(corpus.roots(size), (done, total, perSecond) -> progress.say(
                    String.format("[%d] index: %d/%d reports, %.0f reports/s", size, done, total, perSecond)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long indexBytes = treeSize(indexDir);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("threads", config.threads());
        node.put("seconds", Latencies.round(seconds));
        node.put("indexed", summary.indexed());
        node.put("failed", summary.failed().size());
        node.put("reportsPerSecond", Latencies.round(size / seconds));
        node.put("mbPerSecond", Latencies.round(rawBytes / 1e6 / seconds));
        node.put("sizeBytes", indexBytes);
        node.put("bytesPerReport", indexBytes / size);
        node.put("ratioToRaw", Latencies.round((double) indexBytes / rawBytes));
        node.put("peakHeapMb", Latencies.round(heap.peakHeapMb()));
        node.put("gcMillis", heap.gcMillisSinceReset());
        node.put("wordCacheHitRate", Latencies.round(Analyzers.wordCacheCounts().hitRateSince(cacheBefore)));
        if (!summary.failed().isEmpty()) {
            node.put("firstFailure", summary.failed().get(0).reason());
        }
        progress.say(String.format("[%d] index: %.1f s, %.0f reports/s, %.2f MB/s, %.1f MB on disk", size, seconds,
                size / seconds, rawBytes / 1e6 / seconds, indexBytes / 1e6));
        return node;
    }

    /**
     * The {@code index} command once more over the unchanged corpus, as a user re-runs it: every file is checked
     * against its stored size and time stamp and nothing is parsed or written.
     */
    private ObjectNode noopIndex(long size, Path indexDir) throws IOException {
        IndexerConfig config = IndexerConfig.defaults();
        progress.say(String.format("[%d] no-op index: the unchanged corpus once more into %s", size, indexDir));
        long start = System.nanoTime();
        IndexSummary summary;
        try (Indexer indexer = new Indexer(indexDir, config)) {
            summary = indexer.update(corpus.roots(size), (done, total, perSecond) -> { });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("seconds", Latencies.round(seconds));
        node.put("unchanged", summary.unchanged());
        node.put("indexed", summary.indexed());
        node.put("deleted", summary.deleted());
        node.put("failed", summary.failed().size());
        progress.say(String.format("[%d] no-op index: %.1f s, %d unchanged, %d indexed again", size, seconds,
                summary.unchanged(), summary.indexed()));
        return node;
    }

    /**
     * Parses every report once more on one thread (parse throughput), loads the SQLite peer with the parsed reports
     * when {@code peerFile} is set (its build time excludes parsing), records which reports contain each recall phrase
     * (substring of the normalized text: the spec's truth), then compares the engines' phrase results with it.
     */
    private void parsePass(long size, Path peerFile, Path jsonl, long rawBytes, OurEngine ours, ObjectNode sizeNode)
            throws IOException {
        ReportFileReader reader = IndexerConfig.defaults().reader();
        List<String> phrases = QueryMix.RECALL_PHRASES;
        List<BitSet> truth = new ArrayList<>();
        phrases.forEach(p -> truth.add(new BitSet()));
        long parseNanos = 0;
        long peerNanos = 0;
        long failures = 0;
        long failedChecks = 0;
        long sampled = 0;
        long agreeing = 0;
        long crawledSampled = 0;
        ParseAgreement.FigureCounts crawledFigures = ParseAgreement.FigureCounts.NONE;
        String firstFailure = null;
        heap.reset();
        progress.say("[" + size + "] parse (1 thread)" + (peerFile == null ? "" : " + SQLite peer load") + " + substring truth");
        try (SqlitePeer peer = peerFile == null ? null : SqlitePeer.open(peerFile, true);
             java.io.BufferedWriter parsed = jsonl == null ? null : Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            for (long i = 0; i < size; i++) {
                Path file = corpus.file(i);
                long t0 = System.nanoTime();
                Report report;
                try {
                    report = reader.read(file, corpus.root());
                } catch (DocumentProblem | RuntimeException e) {
                    failures++;
                    firstFailure = firstFailure == null ? file + ": " + e.getMessage() : firstFailure;
                    continue;
                } finally {
                    parseNanos += System.nanoTime() - t0;
                }
                failedChecks += report.failedChecks().isEmpty() ? 0 : 1;
                String text = report.text() == null ? "" : report.text();
                for (int p = 0; p < phrases.size(); p++) {
                    if (text.contains(phrases.get(p))) {
                        truth.get(p).set((int) i);
                    }
                }
                if (i % 50 == 0) {
                    SyntheticReport expected = corpus.generator().generate(i);
                    sampled++;
                    agreeing += ParseAgreement.agrees(expected, report) ? 1 : 0;
                    if (expected.layout() == TableLayout.CRAWLED) {
                        crawledSampled++;
                        crawledFigures = crawledFigures.plus(ParseAgreement.figures(expected, report));
                    }
                }
                if (parsed != null) {
                    // the reports as `parse --text` prints them: the Solr collections load these, nothing is parsed twice
                    parsed.write(Json.mapper().writeValueAsString(report));
                    parsed.newLine();
                }
                if (peer != null) {
                    long t1 = System.nanoTime();
                    peer.add(i, report);
                    peerNanos += System.nanoTime() - t1;
                }
                if ((i + 1) % 10_000 == 0) {
                    progress.say(String.format("[%d] parse: %d/%d", size, i + 1, size));
                }
            }
            if (peer != null) {
                long t1 = System.nanoTime();
                peer.finishBuild();
                peerNanos += System.nanoTime() - t1;
            }
            ObjectNode parse = sizeNode.putObject("parse");
            double parseSeconds = parseNanos / 1e9;
            parse.put("threads", 1);
            parse.put("seconds", Latencies.round(parseSeconds));
            parse.put("reportsPerSecond", Latencies.round(size / parseSeconds));
            parse.put("mbPerSecond", Latencies.round(rawBytes / 1e6 / parseSeconds));
            parse.put("failed", failures);
            parse.put("withFailedChecks", failedChecks);
            parse.put("sampledForAgreement", sampled);
            parse.put("agreeingWithGenerator", agreeing);
            // crawled pages may leave glued figures absent, never wrong: how many of their figures came back
            ObjectNode crawled = parse.putObject("crawled");
            crawled.put("share", options.crawledShare()).put("sampled", crawledSampled)
                    .put("figuresExact", crawledFigures.exact()).put("figuresAbsent", crawledFigures.absent())
                    .put("figuresWrong", crawledFigures.wrong());
            if (firstFailure != null) {
                parse.put("firstFailure", firstFailure);
            }
            parse.put("peakHeapMb", Latencies.round(heap.peakHeapMb()));
            progress.say(String.format("[%d] parse: %.0f reports/s on 1 thread", size, size / parseSeconds));
            if (peer != null) {
                ObjectNode node = sizeNode.putObject("peer");
                node.put("engine", "SQLite " + sqliteVersion() + " FTS5 trigram");
                node.put("buildSeconds", Latencies.round(peerNanos / 1e9));
                node.put("buildExcludesParse", true);
                node.put("reportsPerSecond", Latencies.round(size / (peerNanos / 1e9)));
                long bytes = peer.sizeOnDisk();
                node.put("sizeBytes", bytes);
                node.put("bytesPerReport", bytes / size);
                node.put("ratioToRaw", Latencies.round((double) bytes / rawBytes));
                progress.say(String.format("[%d] SQLite build %.1f s, %.1f MB", size, peerNanos / 1e9, bytes / 1e6));
            }
            sizeNode.set("recall", recall(size, phrases, truth, ours, peer));
        }
    }

    private ArrayNode recall(long size, List<String> phrases, List<BitSet> truth, OurEngine ours, SqlitePeer peer) {
        ArrayNode rows = Json.mapper().createArrayNode();
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            BitSet expected = truth.get(p);
            long expectedCount = expected.cardinality();
            ObjectNode row = rows.addObject();
            row.put("phrase", phrase);
            row.put("plantedRate", PlantedPhrase.ALL.stream().filter(x -> x.phrase().equals(phrase))
                    .mapToDouble(PlantedPhrase::rate).findFirst().orElse(Double.NaN));
            row.put("truth", expectedCount);
            if (expectedCount <= ID_RECALL_LIMIT) {
                BitSet found = new BitSet();
                for (String id : ours.phraseIds(phrase)) {
                    found.set(Integer.parseInt(id.substring(1)));
                }
                putRecall(row, "ours", expected, found);
            } else {
                long count = ours.phraseCount(phrase);
                row.put("oursFound", count);
                row.put("oursRecall", Latencies.round(Math.min(count, expectedCount) / (double) expectedCount));
                row.put("oursBy", "count");
            }
            if (peer != null) {
                putRecall(row, "peer", expected, peer.phraseRows(phrase));
                row.put("peerMethod", SqlitePeer.usesScan(phrase) ? "LIKE scan (< 3 characters)" : "MATCH");
            }
        }
        progress.say("[" + size + "] recall: " + rows);
        return rows;
    }

    private static void putRecall(ObjectNode row, String engine, BitSet expected, BitSet found) {
        BitSet hit = (BitSet) found.clone();
        hit.and(expected);
        BitSet extra = (BitSet) found.clone();
        extra.andNot(expected);
        row.put(engine + "Found", found.cardinality());
        row.put(engine + "Recall", expected.isEmpty() ? 1.0 : Latencies.round(hit.cardinality() / (double) expected.cardinality()));
        row.put(engine + "FalseHits", extra.cardinality());
        row.put(engine + "By", "ids");
    }

    private static String sqliteVersion() {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
             var s = c.createStatement(); var r = s.executeQuery("SELECT sqlite_version()")) {
            return r.next() ? r.getString(1) : "?";
        } catch (java.sql.SQLException e) {
            return "?";
        }
    }

    /** The one-minute system load average: on a shared machine, how much else was running. */
    /**
     * The machine's 1-minute load average when a phase started and ended, kept in the phase's results: phases of one
     * size may come from different runs of a resumed benchmark.
     */
    private static ObjectNode stampLoad(ObjectNode phase, double atStart) {
        phase.put("loadAverageAtStart", Latencies.round(atStart));
        phase.put("loadAverageAtEnd", Latencies.round(loadAverage()));
        phase.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return phase;
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static ObjectNode machine() {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMb", Latencies.round(HeapMeter.maxHeapMb()));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }

    private static void save(Path file, ObjectNode node) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, node.toPrettyString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static long treeSize(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
