package org.disclosuresearch.bench;

import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Writes BENCHMARKS.md from the benchmark's JSON: the same figures, as tables a reader can compare. */
final class BenchReportWriter {

    private static final Map<String, String> PHASE_NAMES = Map.of("index", "indexing", "parse",
            "parse + SQLite load + recall", "queries", "query timing", "http", "HTTP load", "noopIndex",
            "no-op index", "serveStart", "serve start", "cold", "cold queries",
            "followUps", "follow-ups");

    private static final String NA = "–";

    /** Everything from this line on in an existing BENCHMARKS.md is written by people and kept by the next run. */
    static final String HAND_WRITTEN = "<!-- written by hand from here on: bench keeps it -->";

    /** The hand-written part of an earlier file (from {@link #HAND_WRITTEN} on, preceded by a blank line), or "". */
    static String handWritten(String earlier) {
        int at = earlier.indexOf(HAND_WRITTEN);
        return at < 0 ? "" : "\n" + earlier.substring(at);
    }

    String write(JsonNode all) {
        StringBuilder md = new StringBuilder();
        List<JsonNode> sizes = new ArrayList<>();
        all.path("sizes").forEach(sizes::add);
        JsonNode machine = all.path("machine");
        md.append("# Benchmarks\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %d cores, %s, %s, max heap %.0f MB; synthetic corpus "
                        + "seed %d (generator version %d, clause repetition %s). Every figure below was measured on this machine by this command. The "
                        + "command resumes finished phases, so the phases of one size may come from different runs of "
                        + "it: the load lines under Building say when each phase finished and how busy the machine was."
                        + "%n%n",
                all.path("generated").asText(), machine.path("cores").asInt(), machine.path("java").asText(),
                machine.path("os").asText(), machine.path("maxHeapMb").asDouble(), all.path("seed").asLong(),
                all.path("corpusVersion").asInt(), all.path("repetition").asText("templates")));
        md.append("Command: `").append(all.path("command").asText()).append("`\n\n");
        if (sizes.isEmpty()) {
            return md.append("No sizes were run.\n").toString();
        }
        targets(md, sizes.get(sizes.size() - 1));
        build(md, sizes);
        for (JsonNode size : sizes) {
            queries(md, size);
            coldQueries(md, size);
            followUps(md, size);
        }
        for (JsonNode size : sizes) {
            recall(md, size);
        }
        for (JsonNode size : sizes) {
            http(md, size);
        }
        for (JsonNode size : sizes) {
            besideSolr(md, size);
        }
        method(md, sizes.get(0));
        return md.toString();
    }

    private static void targets(StringBuilder md, JsonNode size) {
        long n = size.path("reports").asLong();
        md.append("## Targets (issue 7), judged at the largest size measured: ").append(count(n)).append(" reports\n\n");
        md.append("The targets are stated for 1M reports; at a smaller size a met target is only an indication.\n\n");
        md.append("| target | measured | met |\n|---|---|---|\n");
        JsonNode index = size.path("index");
        double mbs = index.path("mbPerSecond").asDouble(Double.NaN);
        row(md, "parse + index ≥ 5 MB/s of report text", fmt(mbs, "%.2f MB/s"), mbs >= 5);
        JsonNode mix = size.path("queries").path("ours").path("mix");
        double p50 = mix.path("p50Ms").asDouble(Double.NaN);
        double p99 = mix.path("p99Ms").asDouble(Double.NaN);
        row(md, "query mix p50 < 10 ms, p99 < 100 ms", fmt(p50, "p50 %.1f ms") + ", " + fmt(p99, "p99 %.1f ms"),
                p50 < 10 && p99 < 100);
        JsonNode kinds = size.path("queries").path("ours").path("kinds");
        double worst = kinds.path(BenchQuery.Kind.PHRASE_FILTERED.name()).path("p99Ms").asDouble(Double.NaN);
        row(md, "worst case (common phrase + 3 facets + range) p99 < 300 ms", fmt(worst, "p99 %.1f ms"), worst < 300);
        double agg = kinds.path(BenchQuery.Kind.AGGREGATE.name()).path("p99Ms").asDouble(Double.NaN);
        row(md, "figure aggregated by province over all reports < 200 ms", fmt(agg, "p99 %.1f ms"), agg < 200);
        JsonNode http = size.path("http");
        if (http.isMissingNode()) {
            md.append("| server holds the index with -Xmx1g | not measured (HTTP part skipped) | – |\n");
        } else {
            long errors = 0;
            for (JsonNode level : http.path("levels")) {
                errors += level.path("errors").asLong();
            }
            row(md, "server holds the index with -Xmx1g", "server -Xmx" + http.path("serverHeap").asText() + ", peak RSS "
                    + fmt(http.path("serverPeakRssMb").asDouble(Double.NaN), "%.0f MB") + ", " + errors + " failed requests",
                    errors == 0 && "1g".equals(http.path("serverHeap").asText()));
        }
        double ratio = index.path("ratioToRaw").asDouble(Double.NaN);
        row(md, "index ≤ 1.3× raw text", fmt(ratio, "%.2f×"), ratio <= 1.3);
        JsonNode peerKinds = size.path("queries").path("peer").path("kinds");
        double peerP50 = peerKinds.path(BenchQuery.Kind.PHRASE_FILTERED.name()).path("p50Ms").asDouble(Double.NaN);
        double oursP50 = kinds.path(BenchQuery.Kind.PHRASE_FILTERED.name()).path("p50Ms").asDouble(Double.NaN);
        boolean fullRecall = true;
        for (JsonNode r : size.path("recall")) {
            fullRecall &= r.path("oursRecall").asDouble() == 1.0;
        }
        double speedup = peerP50 / oursP50;
        row(md, "≥ 5× faster than SQLite FTS5 on phrase + filters, at 100% phrase recall",
                fmt(speedup, "%.1f×") + " (p50 " + fmt(oursP50, "%.1f") + " vs " + fmt(peerP50, "%.1f") + " ms), recall "
                        + (size.path("recall").isMissingNode() ? "not measured" : fullRecall ? "100%" : "below 100%"),
                speedup >= 5 && fullRecall);
        md.append('\n');
    }

    private static void build(StringBuilder md, List<JsonNode> sizes) {
        md.append("## Building\n\n| | ");
        sizes.forEach(s -> md.append(count(s.path("reports").asLong())).append(" | "));
        md.append("\n|---|");
        sizes.forEach(s -> md.append("---|"));
        md.append('\n');
        for (String phase : List.of("index", "noopIndex", "serveStart", "parse", "queries", "cold", "followUps",
                "http")) {
            line(md, sizes, "load average (1 min) at start · end of " + PHASE_NAMES.get(phase) + ", finished (UTC)",
                    s -> s.path(phase).has("loadAverageAtStart")
                            ? fmt(s.path(phase).path("loadAverageAtStart").asDouble(), "%.1f") + " · "
                            + fmt(s.path(phase).path("loadAverageAtEnd").asDouble(), "%.1f") + ", "
                            + s.path(phase).path("finishedAt").asText()
                            : NA);
        }
        line(md, sizes, "raw report text", s -> fmt(s.path("corpus").path("rawBytes").asDouble() / 1e6, "%.1f MB")
                + fmt(s.path("corpus").path("meanBytes").asDouble() / 1024, " (mean %.1f KB)"));
        line(md, sizes, "parse, 1 thread", s -> s.path("parse").isMissingNode() ? NA
                : fmt(s.path("parse").path("reportsPerSecond").asDouble(), "%.0f reports/s") + " · "
                + fmt(s.path("parse").path("mbPerSecond").asDouble(), "%.2f MB/s"));
        line(md, sizes, "parser read back what the generator wrote (sampled)", s -> s.path("parse").isMissingNode() ? NA
                : s.path("parse").path("agreeingWithGenerator").asLong() + " / "
                + s.path("parse").path("sampledForAgreement").asLong() + " reports; "
                + s.path("parse").path("failed").asLong() + " failed to parse");
        line(md, sizes, "crawled pages (one line, cells glued): figures read back (sampled)", s -> {
            JsonNode c = s.path("parse").path("crawled");
            if (c.isMissingNode()) {
                return NA;
            }
            long exact = c.path("figuresExact").asLong();
            long printed = exact + c.path("figuresAbsent").asLong() + c.path("figuresWrong").asLong();
            return String.format("%d pages: %d of %d exact (%s), %d absent, %d wrong", c.path("sampled").asLong(), exact,
                    printed, printed == 0 ? "–" : String.format("%.1f%%", 100.0 * exact / printed),
                    c.path("figuresAbsent").asLong(), c.path("figuresWrong").asLong());
        });
        line(md, sizes, "index incl. parse (Indexer, threads = cores)", s -> fmt(s.path("index").path("reportsPerSecond").asDouble(),
                "%.0f reports/s") + " · " + fmt(s.path("index").path("mbPerSecond").asDouble(), "%.2f MB/s") + " · "
                + fmt(s.path("index").path("seconds").asDouble(), "%.1f s"));
        line(md, sizes, "`index` again on the unchanged corpus (no-op)", s -> s.path("noopIndex").isMissingNode() ? NA
                : fmt(s.path("noopIndex").path("seconds").asDouble(), "%.1f s") + " (" + s.path("noopIndex")
                .path("unchanged").asLong() + " unchanged, " + s.path("noopIndex").path("indexed").asLong() + " indexed again)");
        line(md, sizes, "`serve`: new server JVM listening · first query answered", s -> s.path("serveStart").isMissingNode()
                ? NA : fmt(s.path("serveStart").path("listeningSeconds").asDouble(), "%.1f s") + " · "
                + fmt(s.path("serveStart").path("firstAnswerSeconds").asDouble(), "%.1f s") + " (the query itself "
                + fmt(s.path("serveStart").path("firstQueryMs").asDouble(), "%.0f ms") + ")");
        line(md, sizes, "clauses whose words came from the segmentation cache", s ->
                s.path("index").has("wordCacheHitRate")
                        ? fmt(100 * s.path("index").path("wordCacheHitRate").asDouble(), "%.1f%%") : NA);
        line(md, sizes, "index size", s -> fmt(s.path("index").path("sizeBytes").asDouble() / 1e6, "%.1f MB") + " · "
                + s.path("index").path("bytesPerReport").asLong() + " B/report · "
                + fmt(s.path("index").path("ratioToRaw").asDouble(), "%.2f× raw"));
        line(md, sizes, "peak heap while indexing", s -> fmt(s.path("index").path("peakHeapMb").asDouble(), "%.0f MB")
                + fmt(s.path("index").path("gcMillis").asDouble() / 1000, " (GC %.1f s)"));
        line(md, sizes, "SQLite FTS5 build (excl. parse)", s -> s.path("peer").isMissingNode() ? NA
                : fmt(s.path("peer").path("buildSeconds").asDouble(), "%.1f s") + " · "
                + fmt(s.path("peer").path("reportsPerSecond").asDouble(), "%.0f reports/s"));
        line(md, sizes, "SQLite FTS5 size", s -> s.path("peer").isMissingNode() ? NA
                : fmt(s.path("peer").path("sizeBytes").asDouble() / 1e6, "%.1f MB") + " · "
                + fmt(s.path("peer").path("ratioToRaw").asDouble(), "%.2f× raw"));
        md.append('\n');
    }

    private static void queries(StringBuilder md, JsonNode size) {
        JsonNode q = size.path("queries");
        if (q.isMissingNode()) {
            return;
        }
        md.append("## Query latency at ").append(count(size.path("reports").asLong())).append(" reports\n\n");
        md.append("Milliseconds, one client thread in-process. p50 / p95 / p99 over all measured runs; "
                + "spread = min–max of the per-round medians; q/s = runs per second of that kind.\n\n");
        md.append("| query | disclosure-search p50 / p95 / p99 | spread | q/s | SQLite FTS5 p50 / p95 / p99 | spread | q/s | "
                + "p50 ratio |\n|---|---|---|---|---|---|---|---|\n");
        JsonNode ours = q.path("ours").path("kinds");
        JsonNode peer = q.path("peer").path("kinds");
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            JsonNode o = ours.path(kind.name());
            JsonNode p = peer.path(kind.name());
            md.append("| ").append(kind.label).append(" | ").append(latency(o)).append(" | ").append(spread(o))
                    .append(" | ").append(fmt(o.path("qps").asDouble(Double.NaN), "%.0f")).append(" | ")
                    .append(latency(p)).append(" | ").append(spread(p)).append(" | ")
                    .append(fmt(p.path("qps").asDouble(Double.NaN), "%.1f")).append(" | ")
                    .append(fmt(p.path("p50Ms").asDouble(Double.NaN) / o.path("p50Ms").asDouble(Double.NaN), "%.1f×"))
                    .append(" |\n");
        }
        JsonNode om = q.path("ours").path("mix");
        JsonNode pm = q.path("peer").path("mix");
        md.append("| **whole mix** | ").append(latency(om)).append(" | ").append(spread(om)).append(" | ")
                .append(fmt(om.path("qps").asDouble(Double.NaN), "%.0f")).append(" | ").append(latency(pm)).append(" | ")
                .append(spread(pm)).append(" | ").append(fmt(pm.path("qps").asDouble(Double.NaN), "%.1f")).append(" | ")
                .append(fmt(pm.path("p50Ms").asDouble(Double.NaN) / om.path("p50Ms").asDouble(Double.NaN), "%.1f×"))
                .append(" |\n\n");
        md.append(String.format(Locale.ROOT, "Warm-up excluded: %d passes over the mix (%.1f s for disclosure-search). "
                        + "Samples per kind: %s. Peak heap while querying: %.0f MB.%n",
                q.path("ours").path("warmupPasses").asInt(), q.path("ours").path("warmupSeconds").asDouble(),
                ours.path(BenchQuery.Kind.WORD.name()).path("samples").asText("?"),
                q.path("oursPeakHeapMb").asDouble(Double.NaN)));
        agreement(md, q);
        for (String engine : List.of("ours", "peer")) {
            JsonNode errors = q.path(engine).path("errors");
            if (errors.size() > 0) {
                md.append("\nErrors (").append(engine).append("): ").append(errors.get(0).asText()).append('\n');
            }
        }
        md.append('\n');
    }

    /** Next page and another sort of a new search, with and without remembered counts. */
    private static void followUps(StringBuilder md, JsonNode size) {
        JsonNode f = size.path("followUps");
        if (f.isMissingNode()) {
            return;
        }
        md.append("## Follow-ups at ").append(count(size.path("reports").asLong())).append(" reports\n\n");
        md.append("Milliseconds, p50 / p99, over ").append(f.path("queries").asLong()).append(" searches (the cold "
                + "queries above, met once before there): each search's first page, then its next page, then the "
                + "same search sorted by a figure. `serve` remembers a search's counts (total, facets, aggregates), "
                + "so its follow-ups only find their page; the repeated mix and the cold queries above are timed "
                + "counting every search again.\n\n");
        md.append("| step | remembering counts (as served) | counting every search |\n|---|---|---|\n");
        for (String step : List.of("first", "nextPage", "resorted")) {
            md.append("| ").append(switch (step) {
                case "first" -> "the search";
                case "nextPage" -> "its next page";
                default -> "sorted by a figure";
            }).append(" | ").append(p50p99(f.path("remembering").path(step))).append(" | ")
                    .append(p50p99(f.path("counting").path(step))).append(" |\n");
        }
        if (f.path("errors").size() > 0) {
            md.append("\nErrors: ").append(f.path("errors").get(0).asText()).append('\n');
        }
        md.append('\n');
    }

    /**
     * Cold (distinct queries never seen, once each) beside the repeated stream, per kind: what a cache could flatter.
     */
    private static void coldQueries(StringBuilder md, JsonNode size) {
        JsonNode c = size.path("cold");
        if (c.isMissingNode()) {
            return;
        }
        md.append("## Cold vs repeated queries at ").append(count(size.path("reports").asLong())).append(" reports\n\n");
        md.append("Milliseconds. Cold: distinct queries never seen before (words and phrases cut from reports of the "
                + "corpus, other filter values), each run once after the repeated stream, so no query or filter cache "
                + "has met them (the JVM and the file cache are warm). Repeated: the mix above, each query run many "
                + "times.\n\n");
        md.append("| query | queries | disclosure-search cold p50 / p99 | repeated p50 / p99 | SQLite FTS5 cold p50 / p99 "
                + "| repeated p50 / p99 |\n|---|---|---|---|---|---|\n");
        JsonNode q = size.path("queries");
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            JsonNode oc = c.path("ours").path("kinds").path(kind.name());
            if (oc.isMissingNode()) {
                continue;
            }
            md.append("| ").append(kind.label).append(" | ").append(oc.path("queries").asLong()).append(" | ")
                    .append(p50p99(oc)).append(" | ").append(p50p99(q.path("ours").path("kinds").path(kind.name())))
                    .append(" | ").append(p50p99(c.path("peer").path("kinds").path(kind.name()))).append(" | ")
                    .append(p50p99(q.path("peer").path("kinds").path(kind.name()))).append(" |\n");
        }
        md.append("| **all** | ").append(c.path("ours").path("mix").path("samples").asLong()).append(" | ")
                .append(p50p99(c.path("ours").path("mix"))).append(" | ").append(p50p99(q.path("ours").path("mix")))
                .append(" | ").append(p50p99(c.path("peer").path("mix"))).append(" | ")
                .append(p50p99(q.path("peer").path("mix"))).append(" |\n");
        for (String engine : List.of("ours", "peer")) {
            JsonNode errors = c.path(engine).path("errors");
            if (errors.size() > 0) {
                md.append("\nErrors (").append(engine).append(", ").append(errors.size()).append("): ")
                        .append(errors.get(0).asText()).append('\n');
            }
        }
        md.append('\n');
    }

    private static String p50p99(JsonNode n) {
        return n.isMissingNode() ? NA : fmt(n.path("p50Ms").asDouble(Double.NaN), "%.1f") + " / "
                + fmt(n.path("p99Ms").asDouble(Double.NaN), "%.1f");
    }

    /** Whether both engines found as many reports for the queries whose meaning is the same in both (phrases). */
    private static void agreement(StringBuilder md, JsonNode q) {
        JsonNode ours = q.path("ours").path("totals");
        JsonNode peer = q.path("peer").path("totals");
        if (peer.isMissingNode()) {
            return;
        }
        List<String> same = new ArrayList<>();
        List<String> different = new ArrayList<>();
        ours.fieldNames().forEachRemaining(query -> {
            if (query.startsWith(BenchQuery.Kind.WORD.name()) || query.startsWith(BenchQuery.Kind.SORT_BY_FIGURE.name())
                    || query.startsWith(BenchQuery.Kind.DEEP_PAGE.name()) || !peer.has(query)) {
                return; // unquoted words: smartcn words here, substrings in the peer; not the same question
            }
            long a = ours.path(query).asLong();
            long b = peer.path(query).asLong();
            (a == b ? same : different).add(query + " (" + a + " vs " + b + ")");
        });
        md.append(String.format(Locale.ROOT, "%nSame answer check: for %d phrase, filtered and aggregate queries both "
                + "engines found the same number of reports%s%n", same.size(),
                different.isEmpty() ? "; no query differed." : "; these differed (disclosure-search vs SQLite): "
                        + String.join(", ", different) + "."));
    }

    private static void recall(StringBuilder md, JsonNode size) {
        JsonNode rows = size.path("recall");
        if (rows.isMissingNode() || rows.isEmpty()) {
            return;
        }
        md.append("## Phrase recall at ").append(count(size.path("reports").asLong()))
                .append(" reports (truth: substring of the normalized text)\n\n");
        md.append("| phrase | planted rate | reports containing it | disclosure-search found (recall, false hits) | "
                + "SQLite FTS5 found (recall, false hits) | SQLite method |\n|---|---|---|---|---|---|\n");
        for (JsonNode r : rows) {
            md.append("| ").append(r.path("phrase").asText()).append(" | ")
                    .append(r.path("plantedRate").isNumber() && !Double.isNaN(r.path("plantedRate").asDouble())
                            ? fmt(r.path("plantedRate").asDouble() * 100, "%.2f%%") : "common")
                    .append(" | ").append(r.path("truth").asLong()).append(" | ")
                    .append(found(r, "ours")).append(" | ").append(r.has("peerFound") ? found(r, "peer") : NA)
                    .append(" | ").append(r.path("peerMethod").asText(NA)).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * The four engines side by side on one size: disclosure-search embedded and on SolrCloud, stock Solr with smartcn
     * and SQLite FTS5: building, query latency per kind, phrase recall, and what stock Solr misses.
     */
    static void besideSolr(StringBuilder md, JsonNode size) {
        JsonNode solr = size.path("solr");
        if (solr.isMissingNode()) {
            return;
        }
        String n = count(size.path("reports").asLong());
        md.append("## Beside SolrCloud at ").append(n).append(" reports\n\n");
        md.append("The same corpus and query mix on one machine (").append(size.path("solr").path("layout").asText())
                .append("; the fair match for one embedded index on these cores). Solr's load average: ")
                .append(fmt(solr.path("loadAverageAtStart").asDouble(Double.NaN), "%.1f")).append(" at the start, ")
                .append(fmt(solr.path("loadAverageAtEnd").asDouble(Double.NaN), "%.1f"))
                .append(" at the end (finished ").append(solr.path("finishedAt").asText("?"))
                .append("); the embedded and SQLite queries': ")
                .append(fmt(size.path("queries").path("loadAverageAtStart").asDouble(Double.NaN), "%.1f")).append(" / ")
                .append(fmt(size.path("queries").path("loadAverageAtEnd").asDouble(Double.NaN), "%.1f"))
                .append(". Stock Solr is configured as Solr's reference guide shows for Simplified Chinese "
                        + "(`bench/src/main/resources/stock-solr/conf`): a text field analysed by smartcn "
                        + "(HMMChineseTokenizerFactory, CJK width, the smartcn stop words, Porter stem, lowercase), "
                        + "string facet fields, point figure fields with docValues; a quoted phrase is a phrase query "
                        + "of smartcn words, unquoted words are all required (edismax, `q.op=AND`).\n\n");

        JsonNode index = size.path("index");
        JsonNode peer = size.path("peer");
        md.append("| building | disclosure-search embedded | disclosure-search on SolrCloud | stock Solr (smartcn) | "
                + "SQLite FTS5 |\n|---|---|---|---|---|\n");
        md.append("| what is timed | parse + index (").append(index.path("threads").asInt()).append(" threads) | "
                + "load of the parsed reports (JSON Lines) through the write path | the same reports, batches of 500 | "
                + "insert of the parsed reports + optimize |\n");
        md.append("| seconds | ").append(fmt(index.path("seconds").asDouble(Double.NaN), "%.1f")).append(" | ")
                .append(fmt(solr.path("ours").path("seconds").asDouble(Double.NaN), "%.1f")).append(" | ")
                .append(fmt(solr.path("stock").path("seconds").asDouble(Double.NaN), "%.1f")).append(" | ")
                .append(fmt(peer.path("buildSeconds").asDouble(Double.NaN), "%.1f")).append(" |\n");
        md.append("| reports/s | ").append(fmt(index.path("reportsPerSecond").asDouble(Double.NaN), "%.0f")).append(" | ")
                .append(fmt(solr.path("ours").path("reportsPerSecond").asDouble(Double.NaN), "%.0f")).append(" | ")
                .append(fmt(solr.path("stock").path("reportsPerSecond").asDouble(Double.NaN), "%.0f")).append(" | ")
                .append(fmt(peer.path("reportsPerSecond").asDouble(Double.NaN), "%.0f")).append(" |\n");
        md.append("| size on disk | ").append(mb(index.path("sizeBytes"))).append(" | ")
                .append(mb(solr.path("ours").path("sizeBytes"))).append(" | ")
                .append(mb(solr.path("stock").path("sizeBytes"))).append(" | ").append(mb(peer.path("sizeBytes")))
                .append(" |\n");
        md.append("| bytes per report | ").append(index.path("bytesPerReport").asText(NA)).append(" | ")
                .append(solr.path("ours").path("bytesPerReport").asText(NA)).append(" | ")
                .append(solr.path("stock").path("bytesPerReport").asText(NA)).append(" | ")
                .append(peer.path("bytesPerReport").asText(NA)).append(" |\n\n");
        md.append("Solr sizes: the `data/index` folders of the collection's core after a hard commit, not optimized "
                + "(merged as Solr's default merge policy left them; the update log is not counted). The Solr node's peak "
                + "resident memory: ").append(fmt(solr.path("nodePeakRssMb").asDouble(Double.NaN), "%.0f MB"))
                .append(".\n\n");

        List<String> engines = List.of("embedded", "on SolrCloud", "stock Solr (smartcn)", "SQLite FTS5");
        List<JsonNode> kinds = List.of(size.path("queries").path("ours"), solr.path("oursQueries"),
                solr.path("stockQueries"), size.path("queries").path("peer"));
        md.append("Query latency, milliseconds p50 / p95 / p99, one client thread in the benchmark's JVM (Solr: over "
                + "loopback HTTP, SolrJ's Apache HttpClient client; the embedded index and SQLite: in-process):\n\n");
        md.append("| query | ").append(String.join(" | ", engines)).append(" |\n|---|---|---|---|---|\n");
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            md.append("| ").append(kind.label).append(" | ");
            kinds.forEach(k -> md.append(latency(k.path("kinds").path(kind.name()))).append(" | "));
            md.append('\n');
        }
        md.append("| **whole mix** | ");
        kinds.forEach(k -> md.append(latency(k.path("mix"))).append(" | "));
        md.append("\n\n");
        md.append("disclosure-search answers every query with its facet counts (8 dimensions) and marked snippets; "
                + "stock Solr with highlighted snippets (unified highlighter) and no facet counts; SQLite with a snippet "
                + "and no facet counts. Solr's own caches (filter, query result, document) are on, as shipped.\n\n");
        for (String engine : List.of("oursQueries", "stockQueries")) {
            JsonNode errors = solr.path(engine).path("errors");
            if (errors.size() > 0) {
                md.append("Errors (").append(engine).append("): ").append(errors.get(0).asText()).append("\n\n");
            }
        }

        md.append("Phrase recall (truth: reports whose normalized text contains the phrase), found (recall):\n\n");
        md.append("| phrase | smartcn words | truth | embedded | on SolrCloud | stock Solr (smartcn) | SQLite FTS5 |\n"
                + "|---|---|---|---|---|---|---|\n");
        JsonNode embeddedRows = size.path("recall");
        int i = 0;
        for (JsonNode r : solr.path("recall")) {
            JsonNode e = i < embeddedRows.size() ? embeddedRows.get(i) : Json.mapper().createObjectNode();
            i++;
            md.append("| ").append(r.path("phrase").asText()).append(" | ").append(words(r.path("phraseWords")))
                    .append(" | ").append(r.path("truth").asLong()).append(" | ")
                    .append(e.has("oursFound") ? e.path("oursFound").asLong() + " (" + pct(e.path("oursRecall")) + ")" : NA)
                    .append(" | ").append(engineRecall(r.path("oursOnSolr"), r.path("truth").asLong())).append(" | ")
                    .append(engineRecall(r.path("stockSolr"), r.path("truth").asLong())).append(" | ")
                    .append(e.has("peerFound") ? e.path("peerFound").asLong() + " (" + pct(e.path("peerRecall")) + ")" : NA)
                    .append(" |\n");
        }
        md.append('\n');
        List<String> misses = new ArrayList<>();
        for (JsonNode r : solr.path("recall")) {
            for (JsonNode m : r.path("stockSolr").path("missed")) {
                misses.add("- " + r.path("phrase").asText() + " (" + words(r.path("phraseWords")) + ") in " + m.path("id")
                        .asText() + ": …" + m.path("context").asText() + "… — smartcn there: "
                        + words(m.path("contextWords")));
            }
        }
        if (!misses.isEmpty()) {
            md.append("What stock Solr misses, and why: smartcn cuts the phrase one way when it stands alone (the query) "
                    + "and another way inside the report's sentence, so the phrase query of its words does not match. "
                    + "Examples (report, the text around the phrase, smartcn's words for that snippet — an illustration: the "
                    + "index segmented the whole text, whose sentence boundaries may cut elsewhere):\n\n");
            misses.forEach(m -> md.append(m).append('\n'));
            md.append('\n');
        }
    }

    /** Found (recall), with the misses counted: a recall of 99.98% rounds to 100.0% but is not complete. */
    private static String engineRecall(JsonNode e, long truth) {
        if (e.isMissingNode()) {
            return NA;
        }
        long found = e.path("found").asLong();
        long falseHits = e.path("falseHits").asLong();
        long missed = truth - (found - falseHits);
        String s = found + " (" + (truth == 0 ? "–" : fmt(100.0 * (found - falseHits) / truth, "%.2f%%"));
        s += missed > 0 ? ", **" + missed + " missed**" : "";
        return s + (falseHits > 0 ? ", " + falseHits + " false" : "") + ")";
    }

    private static String pct(JsonNode v) {
        return fmt(v.asDouble(Double.NaN) * 100, "%.1f%%");
    }

    private static String words(JsonNode list) {
        List<String> w = new ArrayList<>();
        list.forEach(x -> w.add(x.asText()));
        return w.isEmpty() ? NA : String.join(" / ", w);
    }

    private static String mb(JsonNode bytes) {
        return bytes.isNumber() ? fmt(bytes.asLong() / 1e6, "%.1f MB") : NA;
    }

    private static String found(JsonNode r, String engine) {
        String s = r.path(engine + "Found").asLong() + " (" + fmt(r.path(engine + "Recall").asDouble() * 100, "%.1f%%");
        if (r.has(engine + "FalseHits")) {
            s += ", " + r.path(engine + "FalseHits").asLong();
        } else {
            s += ", by count";
        }
        return s + ")";
    }

    private static void http(StringBuilder md, JsonNode size) {
        JsonNode http = size.path("http");
        if (http.isMissingNode()) {
            return;
        }
        md.append("## HTTP API at ").append(count(size.path("reports").asLong()))
                .append(" reports (loopback, server in its own JVM with -Xmx").append(http.path("serverHeap").asText())
                .append(")\n\n");
        md.append("| clients | requests/s | p50 ms | p99 ms | requests | failed |\n|---|---|---|---|---|---|\n");
        for (JsonNode level : http.path("levels")) {
            md.append("| ").append(level.path("clients").asInt()).append(" | ")
                    .append(fmt(level.path("qps").asDouble(), "%.0f")).append(" | ")
                    .append(fmt(level.path("p50Ms").asDouble(), "%.1f")).append(" | ")
                    .append(fmt(level.path("p99Ms").asDouble(), "%.1f")).append(" | ")
                    .append(level.path("samples").asLong()).append(" | ").append(level.path("errors").asLong()).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%nEach level: %.0f s warm-up (excluded), then %.0f s measured; clients send "
                        + "the query mix's requests back to back. Server peak RSS %.0f MB. The clients run on the same "
                        + "cores as the server.%n%n", http.path("warmupSeconds").asDouble(),
                http.path("secondsPerLevel").asDouble(), http.path("serverPeakRssMb").asDouble()));
    }

    private static void method(StringBuilder md, JsonNode first) {
        md.append("## How it was measured\n\n");
        md.append("""
                - Corpus: `bench.SyntheticCorpus`, seeded; reports built from the 2021 and 2019 templates' tables in the
                  PDF-text (space-separated rows, hard-wrapped lines) and DOCX-text (one cell per line) layouts, agencies
                  from regions.csv × agency-types.csv × 2019–2025, narrative from `bench/narrative.txt`, skewed figures
                  (most zero, a few large), 4%% of reports with one inconsistent row total, phrases planted at known rates.
                  Smaller sizes are prefixes of larger ones.
                - Index: the project's `Indexer` with its defaults (content hash, parse on all cores, commit every %,d
                  reports or %d s), as the `index` command runs it, into an empty folder. Word segmentation is smartcn
                  applied clause by clause with recurring clauses cached (`index.ClauseWordAnalyzer`); the synthetic
                  corpus repeats clauses far more than real reports do (its hit rate is in the table; across the five
                  real seed reports 26%% of Han characters sit in a clause seen before), so real corpora index slower
                  than this: with caching switched off, 10k reports indexed on one thread at 59%% of the cached rate
                  (80.2 s against 47.6 s). Parse: the same reader on one thread, timed per file.
                - SQLite FTS5 peer: the parsed reports (normalized text, figures as columns, indexes on province, agency
                  type and year), `tokenize='trigram'`, `optimize`d; its build time excludes parsing. Queries: `MATCH`
                  with the phrase quoted (relevance = `ORDER BY rank`), `LIKE '%%…%%'` for phrases under three characters
                  (the trigram index cannot answer them: `MATCH` silently returns nothing), `COUNT(*)` for the total,
                  `snippet()` for the page, `LIMIT/OFFSET` for pages. It computes no facet counts; disclosure-search
                  computes counts for every facet dimension in every query, so the comparison favours the peer.
                - Spread: build figures (parse, index, SQLite load) come from one run each; query figures from several
                  rounds, whose medians give the spread. The machine's other load is not controlled: compare the two
                  engines within one run rather than across runs.
                - Query kinds: one word (unquoted, smartcn; the peer looks it up as a substring, so two-character
                  words such as 医保 are a LIKE scan there), a quoted phrase, the common phrase 依申请公开 + agency type +
                  province + year + a figure ≥ 1, a planted rare phrase, a figure aggregated by province over all
                  reports, a sort by a figure, page 50 (by cursor; the cursor of page 49 is fetched untimed).
                """.formatted(IndexerConfig.defaults().commitEvery(),
                IndexerConfig.defaults().commitInterval().toSeconds()));
    }

    private static void row(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ")
                .append(measured.contains("NaN") || measured.contains(NA) ? "not measured" : met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static void line(StringBuilder md, List<JsonNode> sizes, String label, Function<JsonNode, String> cell) {
        md.append("| ").append(label).append(" | ");
        sizes.forEach(s -> md.append(cell.apply(s)).append(" | "));
        md.append('\n');
    }

    private static String latency(JsonNode n) {
        if (n.isMissingNode() || !n.has("p50Ms")) {
            return NA;
        }
        return fmt(n.path("p50Ms").asDouble(), "%.1f") + " / " + fmt(n.path("p95Ms").asDouble(), "%.1f") + " / "
                + fmt(n.path("p99Ms").asDouble(), "%.1f");
    }

    private static String spread(JsonNode n) {
        if (n.isMissingNode() || !n.has("roundP50MinMs")) {
            return NA;
        }
        return fmt(n.path("roundP50MinMs").asDouble(), "%.1f") + "–" + fmt(n.path("roundP50MaxMs").asDouble(), "%.1f");
    }

    static String count(long n) {
        return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1000 == 0 ? n / 1000 + "k" : Long.toString(n);
    }

    private static String fmt(double v, String format) {
        return Double.isNaN(v) || Double.isInfinite(v) ? NA : String.format(Locale.ROOT, format, v);
    }
}
