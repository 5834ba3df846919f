package org.disclosuresearch.pipeline;

import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.report.CarryCheck;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.disclosuresearch.pipeline.AgencySeries.NEW_KEY;
import static org.disclosuresearch.pipeline.AgencySeries.OLD_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agency linker through the real write path and index: links, gaps, growth, carry checks, kept right on change. */
class CrossReportLinksTest {

    @Test
    void a_series_links_across_a_rename_and_a_missing_year(@TempDir Path dir) throws Exception {
        Path docs = dir.resolve("docs");
        Path index = dir.resolve("index");
        IndexSummary summary = AgencySeries.index(docs, index);
        assertTrue(summary.failed().isEmpty(), summary.failed().toString());
        assertEquals(5, summary.indexed());
        // a first run links every report before its one write: none is stored again
        assertEquals(0, summary.relinked());
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            Report r2018 = backend.report("scjg-2018").orElseThrow();
            Report r2019 = backend.report("scjg-2019").orElseThrow();
            Report r2021 = backend.report("scjg-2021").orElseThrow();
            Report r2022 = backend.report("scjg-2022").orElseThrow();
            Report other = backend.report("cz-2021").orElseThrow();

            assertEquals(OLD_KEY, r2018.agencyKey());
            assertEquals(NEW_KEY, r2019.agencyKey());
            assertEquals(List.of("平潭县工商行政管理局"), r2019.formerAgencies());
            for (Report r : List.of(r2018, r2019, r2021, r2022)) {
                assertEquals(List.of(2020), r.agencyMissingYears(), r.id());
            }
            assertEquals(List.of(), other.agencyMissingYears());
            assertNull(other.previous());

            assertNull(r2018.previous());
            assertEquals("scjg-2018", r2019.previous().id());
            assertNull(r2021.previous(), "2020 is missing: 2021 has no previous report");
            assertEquals("scjg-2021", r2022.previous().id());

            // carry checks: 2019 natural 3 against 2018's carryover 2 fails, total 2 = 2 holds, licensing 6 = 5 + 1
            // holds, penalties (2018 printed none) is no check; 2022 total 4 against 2021's 3 fails
            assertEquals(List.of("carry:natural"), r2019.failedChecks());
            CarryCheck natural = r2019.carryChecks().get(0);
            assertEquals(new CarryCheck("carry:natural", "apps_carried_natural", 3L, "scjg-2018", 2018,
                    "apps_carryover_natural", 2L, natural.sentence()), natural);
            assertTrue(natural.sentence().contains("3") && natural.sentence().contains("2018"), natural.sentence());
            assertEquals(List.of("carry:total"), r2022.failedChecks());
            assertEquals(4L, r2022.carryChecks().get(0).value().longValue());
            assertEquals(3L, r2022.carryChecks().get(0).otherValue().longValue());
            assertEquals(List.of(), r2021.failedChecks());

            // ratios: 2018 (4 + 2) / 8, 1 / 8, review 1 / (3 − 1); 2019's denominators are 0: absent, never 0 or ∞
            assertEquals(0.75, r2018.derivedFigures().get("disclosure_rate"), 1e-12);
            assertEquals(0.125, r2018.derivedFigures().get("not_held_share"), 1e-12);
            assertEquals(0.5, r2018.derivedFigures().get("review_correction_rate"), 1e-12);
            // (copy shares, the copies.CopyLinker's derived figures, are tested in copies.CopySharesTest)
            Map<String, Double> ratios = new java.util.HashMap<>(r2019.derivedFigures());
            ratios.keySet().removeIf(id -> id.startsWith("copy_"));
            assertEquals(Map.of("apps_new_growth", 0.5), ratios, "15 / 10 − 1; no other ratio");
            assertNull(r2021.derivedFigures().get("apps_new_growth"), "no previous year");
            assertEquals(0.5, r2022.derivedFigures().get("apps_new_growth"), 1e-12);
            assertEquals(0.8, r2022.derivedFigures().get("disclosure_rate"), 1e-12);
        }

        // a second run without changes touches nothing
        try (Indexer indexer = new Indexer(index, AgencySeries.config())) {
            IndexSummary again = indexer.update(List.of(docs), null);
            assertEquals(0, again.indexed());
            assertEquals(0, again.relinked());
        }
    }

    @Test
    void changing_or_deleting_one_report_updates_the_others(@TempDir Path dir) throws Exception {
        Path docs = dir.resolve("docs");
        Path index = dir.resolve("index");
        AgencySeries.index(docs, index);

        AgencySeries.write(docs, AgencySeries.y2021(4)); // 2021 now carries over 4: 2022's carry check holds
        try (Indexer indexer = new Indexer(index, AgencySeries.config())) {
            IndexSummary s = indexer.update(List.of(docs), null);
            assertEquals(1, s.indexed());
            // the one post-commit stage counts every store: 2021 (its missing year again) and 2022 (its carry check)
            // by the agency linker, 2021 (its copy shares) by copy detection
            assertEquals(3, s.relinked(), "2021 (its missing year again), 2022 (its carry check), 2021 (copies)");
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(List.of(), backend.report("scjg-2022").orElseThrow().failedChecks());
        }

        Files.delete(docs.resolve("scjg-2021.txt"));
        try (Indexer indexer = new Indexer(index, AgencySeries.config())) {
            IndexSummary s = indexer.update(List.of(docs), null);
            assertEquals(1, s.deleted());
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            Report r2022 = backend.report("scjg-2022").orElseThrow();
            assertNull(r2022.previous());
            assertNull(r2022.derivedFigures().get("apps_new_growth"));
            assertEquals(List.of(2020, 2021), r2022.agencyMissingYears());
            assertEquals(List.of(2020, 2021), backend.report("scjg-2018").orElseThrow().agencyMissingYears());
        }
    }
}
