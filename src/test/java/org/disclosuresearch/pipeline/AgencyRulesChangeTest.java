package org.disclosuresearch.pipeline;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agencies.csv row added, then removed, on an index whose report files do not change: the run sees that the rules
 * differ from those the stored keys follow and re-keys the reports they touch, with their links, carry checks and
 * copy shares. 平潭县国有资产管理局 (2021) and 平潭县投资促进局 (2022) are one agency only by the row; the 2022 report
 * repeats three of the 2021 report's four sentences and its 上年结转 (3) disagrees with the 2021 结转下年度 (2).
 */
class AgencyRulesChangeTest {

    private static final String MERGE = AgencySeries.MERGE;
    private static final List<String> IDS = List.of("gz-2021", "tc-2022", "cz-2022");

    private static Path corpus(Path docs) throws Exception {
        Files.createDirectories(docs);
        for (Report r : AgencySeries.mergedByRule()) {
            AgencySeries.write(docs, r);
        }
        return docs;
    }

    private static Path fresh(Path dir, String name, String agenciesCsv) throws Exception {
        Path docs = corpus(dir.resolve(name + "-docs"));
        if (agenciesCsv != null) {
            Files.writeString(docs.resolve(AgencyOverrides.FILE_NAME), agenciesCsv, StandardCharsets.UTF_8);
        }
        Path index = dir.resolve(name + "-index");
        AgencySeries.run(docs, index);
        return index;
    }

    @Test
    void a_row_added_then_removed_re_keys_and_relinks_as_a_fresh_index_would(@TempDir Path dir) throws Exception {
        Path withoutRule = fresh(dir, "fresh-without", null);
        Path withRule = fresh(dir, "fresh-with", MERGE);
        Report merged = StoredLinkedValues.report(withRule, "tc-2022");
        assertEquals("gz-2021", merged.previous().id());
        assertEquals(0.75, merged.copies().prevShare());
        assertTrue(merged.failedChecks().contains("carry:total"), merged.failedChecks().toString());
        assertEquals("350128:平潭县投资促进局", StoredLinkedValues.report(withRule, "gz-2021").agencyKey());
        Report apart = StoredLinkedValues.report(withoutRule, "tc-2022");
        assertNull(apart.previous());
        assertNull(apart.copies().prevShare());

        Path docs = corpus(dir.resolve("docs"));
        Path index = dir.resolve("index");
        AgencySeries.run(docs, index);
        assertEquals(Map.of(), StoredLinkedValues.differences(withoutRule, index, IDS));

        Path csv = docs.resolve(AgencyOverrides.FILE_NAME);
        Files.writeString(csv, MERGE, StandardCharsets.UTF_8);
        IndexSummary added = AgencySeries.run(docs, index);
        assertEquals(0, added.indexed(), "no report file changed");
        assertTrue(added.relinked() >= 2, "gz-2021 re-keyed, tc-2022 relinked: " + added);
        assertEquals(Map.of(), StoredLinkedValues.differences(withRule, index, IDS));

        IndexSummary again = AgencySeries.run(docs, index);
        assertEquals(0, again.relinked(), "the same rules again: nothing to re-key, " + again);

        Files.writeString(csv, AgencySeries.RULES_HEADER, StandardCharsets.UTF_8); // the row removed
        IndexSummary removed = AgencySeries.run(docs, index);
        assertTrue(removed.relinked() >= 2, "gz-2021 keyed by its name again, tc-2022 relinked: " + removed);
        assertEquals(Map.of(), StoredLinkedValues.differences(withoutRule, index, IDS));

        Files.writeString(csv, MERGE, StandardCharsets.UTF_8);
        AgencySeries.run(docs, index);
        Files.delete(csv); // the file removed: no rules at all
        AgencySeries.run(docs, index);
        assertEquals(Map.of(), StoredLinkedValues.differences(withoutRule, index, IDS));
    }

    /**
     * Reports loaded from JSON Lines have no docs folder: they follow the rules given with them, else the rules the
     * index recorded; rules that differ re-key stored reports the file does not hold.
     */
    @Test
    void reports_loaded_from_json_lines_follow_the_given_rules_or_the_recorded_ones(@TempDir Path dir)
            throws Exception {
        Path withoutRule = fresh(dir, "fresh-without", null);
        Path withRule = fresh(dir, "fresh-with", MERGE);
        Path all = dir.resolve("all.jsonl");
        Path financeOnly = dir.resolve("cz.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Report r : AgencySeries.mergedByRule()) {
            String line = Json.mapper().writeValueAsString(r) + "\n";
            lines.append(line);
            if (r.id().equals("cz-2022")) {
                Files.writeString(financeOnly, line, StandardCharsets.UTF_8);
            }
        }
        Files.writeString(all, lines, StandardCharsets.UTF_8);
        Path merge = dir.resolve("merge.csv");
        Files.writeString(merge, MERGE, StandardCharsets.UTF_8);
        Path none = dir.resolve("none.csv");
        Files.writeString(none, AgencySeries.RULES_HEADER, StandardCharsets.UTF_8);

        Path index = dir.resolve("loaded");
        try (Indexer indexer = new Indexer(index, AgencySeries.config())) {
            IndexSummary first = indexer.indexJsonLines(all, AgencyOverrides.loadFile(merge), null);
            assertEquals(List.of(), first.failed());
        }
        assertEquals(Map.of(), StoredLinkedValues.differences(withRule, index, IDS));
        try (Indexer indexer = new Indexer(index, AgencySeries.config())) {
            indexer.indexJsonLines(all, null, null); // no rules given: the recorded merge still holds
        }
        assertEquals(Map.of(), StoredLinkedValues.differences(withRule, index, IDS));
        try (Indexer indexer = new Indexer(index, AgencySeries.config())) {
            IndexSummary undone = indexer.indexJsonLines(financeOnly, AgencyOverrides.loadFile(none), null);
            assertTrue(undone.relinked() >= 2, "gz-2021 and tc-2022 re-keyed though not in the file: " + undone);
        }
        assertEquals(Map.of(), StoredLinkedValues.differences(withoutRule, index, IDS));

        AgencyOverrides missing = AgencyOverrides.loadFile(dir.resolve("nothing.csv"));
        assertTrue(missing.problems().get(0).reason().contains("nothing.csv: does not exist"),
                missing.problems().toString());
    }

    @Test
    void a_row_by_report_id_added_then_changed(@TempDir Path dir) throws Exception {
        String byId = AgencyOverrides.HEADER + "\nid:gz-2021,,350128:平潭县投资促进局\n";
        Path withRule = fresh(dir, "fresh-with", byId);
        String other = AgencyOverrides.HEADER + "\nid:gz-2021,,350128:国资-单列\n";
        Path withOther = fresh(dir, "fresh-other", other);
        assertEquals("gz-2021", StoredLinkedValues.report(withRule, "tc-2022").previous().id());

        Path docs = corpus(dir.resolve("docs"));
        Path index = dir.resolve("index");
        AgencySeries.run(docs, index);
        Path csv = docs.resolve(AgencyOverrides.FILE_NAME);
        Files.writeString(csv, byId, StandardCharsets.UTF_8);
        AgencySeries.run(docs, index);
        assertEquals(Map.of(), StoredLinkedValues.differences(withRule, index, IDS));
        Files.writeString(csv, other, StandardCharsets.UTF_8);
        AgencySeries.run(docs, index);
        assertEquals(Map.of(), StoredLinkedValues.differences(withOther, index, IDS));
    }
}
