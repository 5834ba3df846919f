package org.disclosuresearch.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.solr.SolrBackendProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The Solr part of a size: one local Solr node in a child JVM ({@link SolrNode}) holding two collections built from
 * the parse pass's reports (JSON Lines, nothing parsed twice): disclosure-search's own configset loaded through the
 * write path ({@link CorpusPipeline#loadJsonLines} into the Solr backend's sink) and stock Solr for Chinese
 * ({@link StockSolr}). For each: indexing time, index size on disk, phrase recall against the substring truth
 * (with examples of reports the stock engine misses, and how smartcn cuts the phrase there), and the query mix.
 */
final class BesideSolr {

    static final String OURS = "disclosure";
    static final String STOCK = "stock";
    /** Misses shown per phrase, with the text around the phrase in the report. */
    private static final int EXAMPLES = 3;
    private static final int CONTEXT = 8;

    /** What one engine returned for a phrase, against the substring truth. */
    record EngineRecall(long found, double recall, long falseHits, long missedCount, List<Miss> missed) {
    }

    /** A report holding the phrase that the engine did not return: the text around it and smartcn's words there. */
    record Miss(String id, String context, List<String> contextWords) {
    }

    /** One phrase: the truth, and each Solr engine's answer. */
    record PhraseRow(String phrase, long truth, List<String> phraseWords, EngineRecall oursOnSolr,
                     EngineRecall stockSolr) {
    }

    private final BenchOptions options;
    private final QueryBench.Progress progress;

    BesideSolr(BenchOptions options, QueryBench.Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    ObjectNode run(long size, Path jsonl, List<BenchQuery> mix) throws IOException {
        Path dir = options.out().resolve("solr-" + size);
        Benchmark.deleteTree(dir); // an earlier node's data: the numbers must be of one run
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("layout", "1 node, 1 shard, 1 replica (local MiniSolrCloudCluster in a child JVM, -Xmx"
                + options.solrHeap() + ")");
        progress.say("[" + size + "] Solr: starting a local node (" + options.solrClasspath() + ")");
        try (SolrNode solr = SolrNode.start(options.solrClasspath(), dir.resolve("node"), OURS, options.solrHeap(),
                options.out().resolve("solr-" + size + ".log"));
             CloudSolrClient client = SolrBackendProvider.client(new BackendOptions(BackendOptions.SOLR, null,
                     solr.zkHost(), OURS))) {
            node.put("zkHost", solr.zkHost());
            StockSolr stock = StockSolr.create(client, STOCK, dir.resolve("configset"));

            // ours: the write path's JSON Lines load into the Solr backend's sink
            progress.say("[" + size + "] Solr: loading disclosure-search's collection from " + jsonl);
            long t0 = System.nanoTime();
            IndexSummary summary;
            try (ReportSink sink = SolrBackendProvider.sink(client, OURS)) {
                summary = new CorpusPipeline(sink, IndexerConfig.defaults(), Set.of()).loadJsonLines(jsonl, null,
                        (done, total, perSecond) -> progress.say(String.format("[%d] Solr (ours): %d/%d, %.0f reports/s",
                                size, done, total, perSecond)));
            }
            double oursSeconds = (System.nanoTime() - t0) / 1e9;
            ObjectNode oursNode = node.putObject("ours");
            putBuild(oursNode, size, oursSeconds, solr.indexBytes(OURS));
            oursNode.put("indexed", summary.indexed()).put("failed", summary.failed().size());

            progress.say("[" + size + "] Solr: loading stock Solr (smartcn)");
            t0 = System.nanoTime();
            long stockIndexed = loadStock(stock, jsonl);
            double stockSeconds = (System.nanoTime() - t0) / 1e9;
            ObjectNode stockNode = node.putObject("stock");
            putBuild(stockNode, size, stockSeconds, solr.indexBytes(STOCK));
            stockNode.put("indexed", stockIndexed);
            progress.say(String.format("[%d] Solr: ours %.1f s %.1f MB, stock %.1f s %.1f MB", size, oursSeconds,
                    oursNode.get("sizeBytes").asLong() / 1e6, stockSeconds, stockNode.get("sizeBytes").asLong() / 1e6));

            try (SearchBackend backend = SolrBackendProvider.search(client, OURS)) {
                OurEngine ours = new OurEngine(backend, "disclosure-search on SolrCloud");
                node.set("recall", Json.mapper().valueToTree(recall(size, jsonl, ours, stock)));
                progress.say("[" + size + "] queries: disclosure-search on SolrCloud");
                node.set("oursQueries", QueryBench.measure(ours, mix, options.queries(), progress));
                progress.say("[" + size + "] queries: stock Solr (smartcn)");
                node.set("stockQueries", QueryBench.measure(stock, mix, options.queries(), progress));
            }
            node.put("nodePeakRssMb", Latencies.round(solr.peakRssMb()));
        }
        return node;
    }

    private static void putBuild(ObjectNode node, long size, double seconds, long bytes) {
        node.put("seconds", Latencies.round(seconds));
        node.put("reportsPerSecond", Latencies.round(size / seconds));
        node.put("sizeBytes", bytes);
        node.put("bytesPerReport", bytes / size);
    }

    /** Sends the reports to stock Solr in batches from as many threads as the write path uses, then commits. */
    private long loadStock(StockSolr stock, Path jsonl) throws IOException {
        int threads = IndexerConfig.defaults().threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> pending = new ArrayList<>();
        long[] count = {0};
        List<Report> batch = new ArrayList<>();
        try {
            forEachReport(jsonl, report -> {
                batch.add(report);
                count[0]++;
                if (batch.size() == 500) {
                    List<Report> mine = new ArrayList<>(batch);
                    batch.clear();
                    pending.add(pool.submit(() -> send(stock, mine)));
                    if (pending.size() > 2 * threads) {
                        await(pending.remove(0));
                    }
                }
            });
            pending.add(pool.submit(() -> send(stock, batch)));
            for (Future<?> f : pending) {
                await(f);
            }
        } finally {
            pool.shutdown();
        }
        StockSolr.Loader committer = stock.loader();
        committer.commit();
        return count[0];
    }

    private static Void send(StockSolr stock, List<Report> reports) throws IOException {
        StockSolr.Loader loader = stock.loader();
        for (Report r : reports) {
            loader.add(r);
        }
        loader.flush();
        return null;
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading stock Solr", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Phrase recall of both Solr collections against the substring truth, computed here from the same reports (every
     * report whose text contains the phrase); for stock Solr, examples of the reports it missed.
     */
    private List<PhraseRow> recall(long size, Path jsonl, OurEngine ours, StockSolr stock) throws IOException {
        List<String> phrases = QueryMix.RECALL_PHRASES;
        List<BitSet> truth = new ArrayList<>();
        List<Map<String, String>> contexts = new ArrayList<>();
        phrases.forEach(p -> {
            truth.add(new BitSet());
            contexts.add(new LinkedHashMap<>());
        });
        forEachReport(jsonl, r -> {
            String text = r.text() == null ? "" : r.text();
            for (int p = 0; p < phrases.size(); p++) {
                int at = text.indexOf(phrases.get(p));
                if (at >= 0) {
                    truth.get(p).set(row(r.id()));
                    contexts.get(p).put(r.id(), text.substring(Math.max(0, at - CONTEXT),
                            Math.min(text.length(), at + phrases.get(p).length() + CONTEXT)));
                }
            }
        });
        List<PhraseRow> rows = new ArrayList<>();
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            rows.add(new PhraseRow(phrase, truth.get(p).cardinality(), Analyzers.wordSegmenter().words(phrase),
                    compare(truth.get(p), ours.phraseIds(phrase), contexts.get(p)),
                    compare(truth.get(p), stock.phraseIds(phrase), contexts.get(p))));
            progress.say("[" + size + "] Solr recall: " + rows.get(rows.size() - 1));
        }
        return rows;
    }

    private static EngineRecall compare(BitSet expected, List<String> ids, Map<String, String> contexts) {
        BitSet found = new BitSet();
        ids.forEach(id -> found.set(row(id)));
        BitSet hit = (BitSet) found.clone();
        hit.and(expected);
        BitSet extra = (BitSet) found.clone();
        extra.andNot(expected);
        BitSet missed = (BitSet) expected.clone();
        missed.andNot(found);
        List<Miss> examples = new ArrayList<>();
        for (int i = missed.nextSetBit(0); i >= 0 && examples.size() < EXAMPLES; i = missed.nextSetBit(i + 1)) {
            String id = String.format(java.util.Locale.ROOT, "r%07d", i);
            String context = contexts.get(id);
            examples.add(new Miss(id, context, context == null ? List.of() : Analyzers.wordSegmenter().words(context)));
        }
        double recall = expected.isEmpty() ? 1.0 : Latencies.round(hit.cardinality() / (double) expected.cardinality());
        return new EngineRecall(found.cardinality(), recall, extra.cardinality(), missed.cardinality(), examples);
    }

    /** The corpus row of a synthetic report id ({@code r0001234} is row 1234). */
    private static int row(String id) {
        return Integer.parseInt(id.substring(1));
    }

    /** Reads the parse pass's JSON Lines, one report at a time. */
    static void forEachReport(Path jsonl, Consumer<Report> each) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    each.accept(Json.mapper().readValue(line, Report.class));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
