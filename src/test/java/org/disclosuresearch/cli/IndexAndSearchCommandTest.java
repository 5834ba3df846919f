package org.disclosuresearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The done criterion: {@code index --docs <seeds>} then {@code search --json '"依申请公开"'} returns all five. */
class IndexAndSearchCommandTest {

    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path seeds(Path dir) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (String id : List.of("000_c6adf1d2ada892b8", "001_93bb57e9bc1ba9ba", "002_1effd3284db83ec5",
                "003_e18be9a397c96df8", "004_0a91ce1974c0f436")) {
            try (InputStream in = IndexAndSearchCommandTest.class.getResourceAsStream("/seeds/" + id + ".txt")) {
                Files.write(docs.resolve(id + ".txt"), in.readAllBytes());
            }
        }
        return docs;
    }

    @Test
    void index_then_search_json_finds_the_phrase_in_all_five_seeds(@TempDir Path dir) throws Exception {
        Path docs = seeds(dir);
        Path index = dir.resolve("index");
        Run indexed = run("index", "--docs", docs.toString(), "--index", index.toString());
        assertEquals(0, indexed.code(), indexed.err());
        assertTrue(indexed.out().contains("indexed 5, unchanged 0, deleted 0, failed 0"), indexed.out());
        assertTrue(indexed.err().contains("reports/s"), indexed.err());

        Run again = run("index", "--docs", docs.toString(), "--index", index.toString());
        assertTrue(again.out().contains("indexed 0, unchanged 5"), again.out());

        Run found = run("search", "--index", index.toString(), "--json", "\"依申请公开\"");
        assertEquals(0, found.code(), found.err());
        JsonNode json = Json.mapper().readTree(found.out());
        assertEquals(5, json.get("total").asInt());
        Set<String> ids = new TreeSet<>();
        json.get("hits").forEach(h -> {
            ids.add(h.get("id").asText());
            assertTrue(h.has("agency") && h.has("year") && h.has("region") && h.has("agencyType")
                    && h.has("score") && h.get("snippets").size() > 0, h.toString());
        });
        assertEquals(5, ids.size());
        assertTrue(json.get("facets").has("region") && json.get("facets").has("agencyType"), json.toString());

        Run filtered = run("search", "--index", index.toString(), "--json", "--range", "penalties=1000..",
                "--facet", "province=浙江省", "--stats", "penalties,province", "--sort", "penalties:desc",
                "--limit", "3");
        JsonNode f = Json.mapper().readTree(filtered.out());
        assertEquals(1, f.get("total").asInt());
        assertEquals("004_0a91ce1974c0f436", f.get("hits").get(0).get("id").asText());
        assertEquals(1193, f.get("stats").get(0).get("overall").get("sum").asInt());

        Run table = run("search", "--index", index.toString(), "朋友圈");
        assertEquals(0, table.code());
        assertTrue(table.out().contains("1 report") && table.out().contains("[朋友圈]"), table.out());
    }

    @Test
    void search_shows_the_chosen_figures_and_the_sort_value_and_export_writes_the_apis_csv(@TempDir Path dir)
            throws Exception {
        Path docs = seeds(dir);
        Path index = dir.resolve("index");
        assertEquals(0, run("index", "--docs", docs.toString(), "--index", index.toString()).code());

        Run sorted = run("search", "--index", index.toString(), "--sort", "penalties:desc", "--columns",
                "apps_new_total", "依申请公开");
        assertEquals(0, sorted.code(), sorted.err());
        List<String> lines = sorted.out().lines().toList();
        assertTrue(lines.get(0).contains("sorted by penalties:desc"), lines.get(0));
        String head = lines.get(1);
        assertTrue(head.contains("本年新收政府信息公开申请数量·总计")
                && head.contains("行政处罚·本年处理决定数量"), head);
        JsonNode json = Json.mapper().readTree(run("search", "--index", index.toString(), "--json", "--sort",
                "penalties:desc", "--limit", "1", "依申请公开").out());
        String first = json.get("hits").get(0).get("id").asText();
        String firstLine = lines.get(2);
        assertTrue(firstLine.startsWith(first), firstLine);
        // the sort value (penalties) stands after the type column, the chosen figure right-aligned under its head
        String[] cells = firstLine.trim().split("\\s{2,}");
        assertTrue(java.util.Arrays.asList(cells).contains("1193"), firstLine);

        Run badColumn = run("search", "--index", index.toString(), "--columns", "penalty", "x");
        assertEquals(2, badColumn.code());
        assertTrue(badColumn.err().contains("--columns") && badColumn.err().contains("did you mean penalties?"),
                badColumn.err());

        Path out = Files.createDirectories(dir.resolve("out"));
        Run export = run("export", "--index", index.toString(), "--columns", "penalties,apps_new_total",
                "--evidence", "--out", out.toString(), "依申请公开");
        assertEquals(0, export.code(), export.err());
        Path file;
        try (var files = Files.list(out)) {
            file = files.findFirst().orElseThrow();
        }
        assertTrue(file.getFileName().toString().matches("disclosure-search_依申请公开_\\d{4}-\\d{2}-\\d{2}\\.csv"),
                file.toString());
        List<String> csv = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(6, csv.size());
        assertTrue(csv.get(0).endsWith("表二·行政处罚·本年处理决定数量,表二·行政处罚·本年处理决定数量·读取方式,"
                + "表三·本年新收政府信息公开申请数量·总计,表三·本年新收政府信息公开申请数量·总计·读取方式"), csv.get(0));
        Run ids = run("export", "--index", index.toString(), "--header", "ids", "--columns", "penalties", "朋友圈");
        assertEquals(0, ids.code(), ids.err());
        assertTrue(ids.out().startsWith("\uFEFFid,agency,agencyKey,year,") && ids.out().lines().count() == 2, ids.out());
        Run badHeader = run("export", "--index", index.toString(), "--header", "names", "x");
        assertEquals(2, badHeader.code());
        assertTrue(badHeader.err().contains("header"), badHeader.err());
    }

    @Test
    void table_columns_line_up_in_a_terminal_where_a_chinese_character_is_two_columns_wide() {
        assertEquals("浙江省/温州市" + " ".repeat(11), SearchCommand.pad("浙江省/温州市", 24));
        assertEquals("-" + " ".repeat(9), SearchCommand.pad("-", 10));
        assertEquals("医疗保障医疗保障医疗保障", SearchCommand.pad("医疗保障医疗保障医疗保障", 10));
    }

    /** {@code index --docs . --index index}: the index folder inside the corpus is not read as reports. */
    @Test
    void an_index_folder_inside_the_docs_is_not_indexed(@TempDir Path dir) throws Exception {
        Path docs = seeds(dir);
        Path index = docs.resolve("index");
        for (int run = 0; run < 2; run++) {
            Run indexed = run("index", "--docs", docs.toString(), "--index", index.toString());
            assertEquals(0, indexed.code(), indexed.out() + indexed.err());
            assertTrue(indexed.out().contains(run == 0 ? "indexed 5, unchanged 0, deleted 0, failed 0"
                    : "indexed 0, unchanged 5, deleted 0, failed 0"), indexed.out());
            assertFalse(indexed.err().contains(index.toString()), indexed.err());
        }
    }

    /** parse --text once, load the JSON Lines anywhere: the same answers as indexing the files, nothing re-parsed. */
    @Test
    void index_from_jsonl_loads_parsed_reports_through_the_same_sink(@TempDir Path dir) throws Exception {
        Path docs = seeds(dir);
        Path fromFiles = dir.resolve("from-files");
        assertEquals(0, run("index", "--docs", docs.toString(), "--index", fromFiles.toString()).code());
        Run parsed = run("parse", "--text", docs.toString());
        assertEquals(0, parsed.code(), parsed.err());
        Path jsonl = dir.resolve("reports.jsonl");
        Files.writeString(jsonl, parsed.out(), StandardCharsets.UTF_8);
        Path fromJsonl = dir.resolve("from-jsonl");
        Run loaded = run("index", "--from-jsonl", jsonl.toString(), "--index", fromJsonl.toString());
        assertEquals(0, loaded.code(), loaded.err());
        assertTrue(loaded.out().contains("indexed 5, unchanged 0"), loaded.out());
        for (String q : List.of("依申请公开", "朋友圈", "agency:乐清", "penalties:1..")) {
            Run a = run("search", "--index", fromFiles.toString(), "--json", "--limit", "10", q);
            Run b = run("search", "--index", fromJsonl.toString(), "--json", "--limit", "10", q);
            assertEquals(Json.mapper().readTree(a.out()).get("hits"), Json.mapper().readTree(b.out()).get("hits"), q);
        }
        // the same file again: every source hash is already held
        assertTrue(run("index", "--from-jsonl", jsonl.toString(), "--index", fromJsonl.toString()).out()
                .contains("indexed 0, unchanged 5"));
        // a line that is not a report, and one without its text, fail by line; the rest is loaded
        String first = parsed.out().lines().findFirst().orElseThrow();
        Run withoutText = run("parse", docs.resolve("001_93bb57e9bc1ba9ba.txt").toString());
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{not json\n" + withoutText.out() + first + "\n", StandardCharsets.UTF_8);
        Run partly = run("index", "--from-jsonl", bad.toString(), "--index", dir.resolve("bad-index").toString());
        assertEquals(1, partly.code(), partly.err());
        assertTrue(partly.out().contains("indexed 1,"), partly.out());
        assertTrue(partly.err().contains(bad + ":1: not a report's JSON"), partly.err());
        assertTrue(partly.err().contains(bad + ":2: report '001_93bb57e9bc1ba9ba' has no text"), partly.err());
        Run missing = run("index", "--from-jsonl", dir.resolve("nothing.jsonl").toString(), "--index",
                dir.resolve("x").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nothing.jsonl"), missing.err());

        // agencies.csv rules for loaded reports: a given file keys them, a missing one or one without --from-jsonl
        // is refused before any work
        Path rules = dir.resolve("rules.csv");
        Files.writeString(rules, "agency,region,agencyKey\nid:001_93bb57e9bc1ba9ba,,999999:按规则合并\n",
                StandardCharsets.UTF_8);
        Path keyed = dir.resolve("keyed");
        Run withRules = run("index", "--from-jsonl", jsonl.toString(), "--agencies", rules.toString(), "--index",
                keyed.toString());
        assertEquals(0, withRules.code(), withRules.err());
        Run csv = run("export", "--index", keyed.toString(), "--header", "ids", "依申请公开");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("001_93bb57e9bc1ba9ba,") && l.contains(",999999:按规则合并,")),
                csv.out());
        Run noRules = run("index", "--from-jsonl", jsonl.toString(), "--agencies", dir.resolve("no.csv").toString(),
                "--index", keyed.toString());
        assertEquals(2, noRules.code());
        assertTrue(noRules.err().contains("no.csv"), noRules.err());
        Run withoutJsonl = run("index", "--docs", docs.toString(), "--agencies", rules.toString(), "--index",
                keyed.toString());
        assertEquals(2, withoutJsonl.code());
        assertTrue(withoutJsonl.err().contains("--agencies applies to --from-jsonl"), withoutJsonl.err());
    }

    @Test
    void bad_requests_exit_2_with_a_clear_message(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        assertEquals(0, run("index", "--docs", seeds(dir).toString(), "--index", index.toString()).code());
        Run badRange = run("search", "--index", index.toString(), "--range", "nosuch=1..", "x");
        assertEquals(2, badRange.code());
        assertTrue(badRange.err().contains("unknown figure id 'nosuch'"), badRange.err());
        Run badQuery = run("search", "--index", index.toString(), "\"unclosed");
        assertEquals(2, badQuery.code());
        assertTrue(badQuery.err().contains("invalid QUERY") && badQuery.err().contains("引号没有配对"), badQuery.err());
        Run badLimit = run("search", "--index", index.toString(), "--limit", "-1", "x");
        assertEquals(2, badLimit.code());
        assertTrue(badLimit.err().contains("invalid --limit"), badLimit.err());
        Run unknownBackend = run("search", "--index", index.toString(), "--backend", "elastic", "x");
        assertEquals(2, unknownBackend.code());
        assertTrue(unknownBackend.err().contains("unknown backend 'elastic'"), unknownBackend.err());
        for (String command : List.of("search", "index", "serve")) {
            Run noZk = run(command, "--index", index.toString(), "--backend", "solr");
            assertEquals(2, noZk.code(), command);
            assertTrue(noZk.err().contains("--zk"), command + ": " + noZk.err());
        }
        Run noSolrJar = run("search", "--backend", "solr", "--zk", "127.0.0.1:1", "x");
        assertEquals(2, noSolrJar.code());
        assertTrue(noSolrJar.err().contains("solr backend is not in this jar"), noSolrJar.err());
        Run noIndex = run("search", "--index", dir.resolve("missing").toString(), "x");
        assertEquals(2, noIndex.code());
        Run noDocs = run("index", "--docs", dir.resolve("missing").toString(), "--index", index.toString());
        assertEquals(2, noDocs.code());

        // a corpus folder given as --index by mistake is refused, and nothing is written into it
        Path docs = dir.resolve("docs");
        Set<String> before = fileNames(docs);
        Run notAnIndex = run("search", "--index", docs.toString(), "x");
        assertEquals(2, notAnIndex.code());
        assertTrue(notAnIndex.err().contains("holds files but no index"), notAnIndex.err());
        assertEquals(2, Main.run("serve", "--index", docs.toString(), "--port", "0"));
        assertEquals(before, fileNames(docs));
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
