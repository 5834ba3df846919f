package org.disclosuresearch.pipeline;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** agencies.csv in a docs folder: rules by name and by report id, bad rows named by file and line. */
class AgencyOverridesTest {

    static Path copyReal(Path docs, String... ids) throws IOException {
        Files.createDirectories(docs);
        for (String id : ids) {
            try (InputStream in = AgencyOverridesTest.class.getResourceAsStream("/real/" + id + ".txt")) {
                Files.write(docs.resolve(id + ".txt"), in.readAllBytes());
            }
        }
        return docs;
    }

    @Test
    void every_report_gets_its_agency_key_and_the_rules_merge_and_split(@TempDir Path dir) throws Exception {
        Path docs = copyReal(dir.resolve("docs"), "pingtan-07", "pingtan-13", "pingtan-15", "pingtan-05");
        Files.writeString(docs.resolve(AgencyOverrides.FILE_NAME), """
                # 国有资产管理局 became 投资促进局 (the site keeps both under one column, ptzhsyqgyz)
                agency,region,agencyKey
                平潭综合实验区国有资产管理局,350128,350128:平潭综合实验区投资促进局
                id:pingtan-05,,350128:公安局-2024单列
                平潭综合实验区公安局,35012,350128:x
                ,350128,350128:y
                only two,cells
                """, StandardCharsets.UTF_8);
        Path index = dir.resolve("index");
        IndexSummary summary;
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            summary = indexer.update(List.of(docs), null);
        }
        assertEquals(4, summary.indexed(), "agencies.csv is not indexed as a report: " + summary);
        List<String> reasons = summary.failed().stream().map(IndexSummary.Failure::reason).toList();
        String csv = docs.resolve(AgencyOverrides.FILE_NAME).toString();
        assertEquals(List.of(
                csv + ":5: region '35012' is not a six-digit GB/T 2260 code (the part of an agencyKey before ':'; "
                        + "000000 for no region)",
                csv + ":6: agency is empty: give an agency name or id:REPORT_ID",
                csv + ":7: expected 3 cells (agency,region,agencyKey), found 2"), reasons);
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals("350128:平潭综合实验区投资促进局", key(backend, "pingtan-07"));
            assertEquals("350128:平潭综合实验区投资促进局", key(backend, "pingtan-15"));
            assertEquals("350128:平潭综合实验区投资促进局", key(backend, "pingtan-13")); // its own name's key
            assertEquals("350128:公安局-2024单列", key(backend, "pingtan-05"));
        }
    }

    @Test
    void a_folder_without_agencies_csv_keys_reports_by_name_and_region(@TempDir Path dir) throws Exception {
        Path docs = copyReal(dir.resolve("docs"), "pingtan-05", "pingtan-10");
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            assertTrue(indexer.update(List.of(docs), null).failed().isEmpty());
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals("350128:平潭综合实验区公安局", key(backend, "pingtan-05"));
            assertEquals("350128:平潭综合实验区公安局", key(backend, "pingtan-10"));
        }
    }

    @Test
    void the_canonical_form_ignores_row_order_and_spelling_and_reads_back(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve(AgencyOverrides.FILE_NAME), AgencyOverrides.HEADER
                + "\n平潭综合实验区国有资产管理局,350128,350128:投资促进局\nid:pingtan-05,,350128:公安局-甲\n");
        Files.writeString(b.resolve(AgencyOverrides.FILE_NAME), "# the same rules\n" + AgencyOverrides.HEADER
                + "\nid:pingtan-05,,350128:公安局-甲\n平潭综合实验区 国有资产管理局 ,350128,350128:投资促进局\n");
        AgencyOverrides ra = AgencyOverrides.load(List.of(a));
        AgencyOverrides rb = AgencyOverrides.load(List.of(b));
        assertEquals(ra.canonical(), rb.canonical());
        AgencyOverrides back = AgencyOverrides.fromCanonical(ra.canonical());
        assertEquals(ra.canonical(), back.canonical());
        assertEquals(ra.touchedKeys(), back.touchedKeys());
        assertEquals(ra.touchedIds(), back.touchedIds());
        assertTrue(AgencyOverrides.fromCanonical(null).isEmpty());
        assertTrue(AgencyOverrides.fromCanonical("not json").isEmpty(), "an unreadable record is no rules");
        assertEquals(AgencyOverrides.NONE.canonical(), AgencyOverrides.load(List.of(dir)).canonical());
    }

    private static String key(LuceneSearchBackend backend, String id) {
        Report r = backend.report(id).orElseThrow();
        return r.agencyKey();
    }
}
