package org.disclosuresearch.pipeline;

import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Copy share (a) across a stated rename: 平潭县市场监督管理局's 2022 report says it was 平潭县工商行政管理局 and repeats
 * three of that agency's 2021 sentences. The copy stage compares it with the previous report the agency linker chose
 * (another agency key), in a full run and in incremental runs in either order, and follows a change of the former
 * agency's text that changes none of the linked figures.
 */
class RenamedCopiesTest {

    private static final String[] LAST_YEAR = AgencySeries.LAST_YEAR;

    private static Report former(String... sentences) {
        return AgencySeries.formerAgency(sentences);
    }

    private static Report renamed() {
        return AgencySeries.renamedAgency();
    }

    /** Both reports in {@code dir/docs}, indexed in one run into {@code dir/index}; the docs folder. */
    private static Path indexBoth(Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        AgencySeries.write(docs, former(LAST_YEAR));
        AgencySeries.write(docs, renamed());
        AgencySeries.run(docs, dir.resolve("index"));
        return docs;
    }

    @Test
    void the_renamed_agencys_report_is_compared_with_its_former_agencys_report(@TempDir Path dir) throws Exception {
        indexBoth(dir);
        Path index = dir.resolve("index");

        Report r = StoredLinkedValues.report(index, "sj-2022");
        assertEquals(AgencySeries.NEW_KEY, r.agencyKey());
        assertEquals("gs-2021", r.previous().id(), "the agency linker's previous report, under the former key");
        CopyShares c = r.copies();
        // counted: three of gs-2021's four sentences (the first glued to the title line, equal once the names are
        // masked), the rename sentence, one of its own; gs-2021 holds the three
        assertEquals(5, c.sentences());
        assertEquals("gs-2021", c.previous().id());
        assertEquals("平潭县工商行政管理局", c.previous().agency());
        assertEquals(0.6, c.prevShare());
        assertEquals(0.0, c.peerShare());
        assertEquals(0.6, c.share());
        assertEquals(List.of("gs-2021"), c.passages().get(0).reports());
        assertEquals(3, c.passages().size());
        assertEquals(0.6, r.derivedFigures().get("copy_prev_share"));
    }

    @Test
    void incremental_runs_in_either_order_and_a_text_change_store_what_one_full_run_stores(@TempDir Path dir)
            throws Exception {
        // the corpus as it ends: gs-2021 without its second sentence (its linked figures unchanged)
        Report changedFormer = former(LAST_YEAR[0], LAST_YEAR[2], LAST_YEAR[3]);
        Path fullDocs = Files.createDirectories(dir.resolve("full-docs"));
        AgencySeries.write(fullDocs, changedFormer);
        AgencySeries.write(fullDocs, renamed());
        Path fullIndex = dir.resolve("full-index");
        AgencySeries.run(fullDocs, fullIndex);
        assertEquals(0.4, StoredLinkedValues.report(fullIndex, "sj-2022").copies().prevShare());

        for (boolean formerFirst : new boolean[] {true, false}) {
            Path docs = Files.createDirectories(dir.resolve("docs-" + formerFirst));
            Path index = dir.resolve("index-" + formerFirst);
            AgencySeries.write(docs, formerFirst ? former(LAST_YEAR) : renamed());
            AgencySeries.run(docs, index);
            AgencySeries.write(docs, formerFirst ? renamed() : former(LAST_YEAR));
            AgencySeries.run(docs, index);
            assertEquals(0.6, StoredLinkedValues.report(index, "sj-2022").copies().prevShare(),
                    "former report first: " + formerFirst);
            // gs-2021 changes text only: sj-2022's agency link stays, its copy share follows its previous report
            AgencySeries.write(docs, changedFormer);
            IndexSummary s = AgencySeries.run(docs, index);
            assertEquals(1, s.indexed());
            assertTrue(s.relinked() >= 1, "sj-2022 stored again with its new share: " + s);
            Map<String, String> differences = StoredLinkedValues.differences(fullIndex, index,
                    List.of("gs-2021", "sj-2022"));
            assertEquals(Map.of(), differences, "former report first: " + formerFirst);
        }
    }

    @Test
    void deleting_the_former_agencys_report_drops_the_previous_share(@TempDir Path dir) throws Exception {
        Path docs = indexBoth(dir);
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
