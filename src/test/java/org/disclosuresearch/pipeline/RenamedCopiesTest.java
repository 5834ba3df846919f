package org.disclosuresearch.pipeline;

import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.report.EarlierReport;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Copy share (a) across a stated rename: 平潭县市场监督管理局's 2022 report says it was 平潭县工商行政管理局 and repeats
 * three of that agency's sentences of 2021 (the year before) or of 2020 (2021 missing). The copy stage compares it with
 * the report the agency linker chose (another agency key: {@code previous}, or {@code earlier} after a missing year),
 * in a full run and in incremental runs in either order, and follows a change of the former agency's text that changes
 * none of the linked figures.
 */
class RenamedCopiesTest {

    private static final String[] LAST_YEAR = AgencySeries.LAST_YEAR;

    private static Report former(int year, String... sentences) {
        return AgencySeries.formerAgency(year, sentences);
    }

    private static Report renamed() {
        return AgencySeries.renamedAgency();
    }

    /** Both reports in {@code dir/docs}, indexed in one run into {@code dir/index}; the docs folder. */
    private static Path indexBoth(Path dir, int formerYear) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        AgencySeries.write(docs, former(formerYear, LAST_YEAR));
        AgencySeries.write(docs, renamed());
        AgencySeries.run(docs, dir.resolve("index"));
        return docs;
    }

    @ParameterizedTest(name = "former report of {0}")
    @ValueSource(ints = {2021, 2020})
    void the_renamed_agencys_report_is_compared_with_its_former_agencys_report(int formerYear, @TempDir Path dir)
            throws Exception {
        indexBoth(dir, formerYear);
        Path index = dir.resolve("index");
        String formerId = "gs-" + formerYear;

        Report r = StoredLinkedValues.report(index, "sj-2022");
        assertEquals(AgencySeries.NEW_KEY, r.agencyKey());
        if (formerYear == 2021) {
            assertEquals(formerId, r.previous().id(), "the agency linker's previous report, under the former key");
            assertNull(r.earlier());
        } else {
            assertNull(r.previous(), "no report of the year before: no carry check, no growth");
            assertEquals(new EarlierReport(formerId, 2020), r.earlier(), "the latest earlier, under the former key");
            assertEquals(List.of(2021), r.agencyMissingYears());
        }
        CopyShares c = r.copies();
        // counted: three of the former report's four sentences (the first glued to the title line, equal once the
        // names are masked), the rename sentence, one of its own; the former report holds the three
        assertEquals(5, c.sentences());
        assertEquals(formerId, c.previous().id());
        assertEquals(formerYear, c.previous().year());
        assertEquals("平潭县工商行政管理局", c.previous().agency());
        assertEquals(0.6, c.prevShare());
        assertEquals(0.0, c.peerShare());
        assertEquals(0.6, c.share());
        assertEquals(List.of(formerId), c.passages().get(0).reports());
        assertEquals(3, c.passages().size());
        assertEquals(0.6, r.derivedFigures().get("copy_prev_share"));
    }

    @ParameterizedTest(name = "former report of {0}")
    @ValueSource(ints = {2021, 2020})
    void incremental_runs_in_either_order_and_a_text_change_store_what_one_full_run_stores(int formerYear,
                                                                                            @TempDir Path dir)
            throws Exception {
        // the corpus as it ends: the former report without its second sentence (its linked figures unchanged)
        Report changedFormer = former(formerYear, LAST_YEAR[0], LAST_YEAR[2], LAST_YEAR[3]);
        Path fullDocs = Files.createDirectories(dir.resolve("full-docs"));
        AgencySeries.write(fullDocs, changedFormer);
        AgencySeries.write(fullDocs, renamed());
        Path fullIndex = dir.resolve("full-index");
        AgencySeries.run(fullDocs, fullIndex);
        assertEquals(0.4, StoredLinkedValues.report(fullIndex, "sj-2022").copies().prevShare());

        for (boolean formerFirst : new boolean[] {true, false}) {
            Path docs = Files.createDirectories(dir.resolve("docs-" + formerFirst));
            Path index = dir.resolve("index-" + formerFirst);
            AgencySeries.write(docs, formerFirst ? former(formerYear, LAST_YEAR) : renamed());
            AgencySeries.run(docs, index);
            AgencySeries.write(docs, formerFirst ? renamed() : former(formerYear, LAST_YEAR));
            AgencySeries.run(docs, index);
            assertEquals(0.6, StoredLinkedValues.report(index, "sj-2022").copies().prevShare(),
                    "former report first: " + formerFirst);
            // the former report changes text only: sj-2022's agency link stays, its copy share follows it
            AgencySeries.write(docs, changedFormer);
            IndexSummary s = AgencySeries.run(docs, index);
            assertEquals(1, s.indexed());
            assertTrue(s.relinked() >= 1, "sj-2022 stored again with its new share: " + s);
            Map<String, String> differences = StoredLinkedValues.differences(fullIndex, index,
                    List.of(changedFormer.id(), "sj-2022"));
            assertEquals(Map.of(), differences, "former report first: " + formerFirst);
        }
    }

    @Test
    void deleting_the_former_agencys_report_drops_the_previous_share(@TempDir Path dir) throws Exception {
        Path docs = indexBoth(dir, 2021);
        Path index = dir.resolve("index");
        Files.delete(docs.resolve("gs-2021.txt"));
        assertEquals(1, AgencySeries.run(docs, index).deleted());
        Report r = StoredLinkedValues.report(index, "sj-2022");
        assertNull(r.previous());
        assertNull(r.copies().previous());
        assertNull(r.copies().prevShare());
        assertEquals(0.0, r.copies().share());
    }
}
