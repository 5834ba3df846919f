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

    static final String[] LAST_YEAR = {
            "本局坚持把信息公开作为转变政府职能的重要抓手，全面推进决策执行管理服务结果公开。",
            "全年通过门户网站主动公开行政许可和行政处罚信息，及时回应企业和群众关切。",
            "加强政策解读工作，对重要政策文件做到解读材料与政策文件同步起草同步审签。",
            "下一步将继续完善依申请公开办理机制，规范答复文书格式，提升答复质量。"};
    static final String OWN = "本局新设食品安全抽检信息公开专栏，按季度公布抽检结果和不合格产品处置情况。";
    static final String RENAME = "2022年，根据机构改革方案，原平潭县工商行政管理局更名为平潭县市场监督管理局。";

    static Report former(String... sentences) {
        return AgencySeries.report("gs-2021", "平潭县工商行政管理局", 2021, "2021",
                "平潭县工商行政管理局2021年政府信息公开工作年度报告\n" + String.join("", sentences),
                AgencySeries.figures("apps_new_total", 6, "apps_carryover_total", 2));
    }

    static Report renamed() {
        return AgencySeries.report("sj-2022", "平潭县市场监督管理局", 2022, "2021",
                "平潭县市场监督管理局2022年政府信息公开工作年度报告\n" + LAST_YEAR[0] + LAST_YEAR[1] + LAST_YEAR[2] + RENAME + OWN,
                AgencySeries.figures("apps_new_total", 9, "apps_carried_total", 2));
    }

    @Test
    void the_renamed_agencys_report_is_compared_with_its_former_agencys_report(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        AgencySeries.write(docs, former(LAST_YEAR));
        AgencySeries.write(docs, renamed());
        Path index = dir.resolve("index");
        AgencySeries.run(docs, index);

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
        Path docs = Files.createDirectories(dir.resolve("docs"));
        AgencySeries.write(docs, former(LAST_YEAR));
        AgencySeries.write(docs, renamed());
        Path index = dir.resolve("index");
        AgencySeries.run(docs, index);
        Files.delete(docs.resolve("gs-2021.txt"));
        assertEquals(1, AgencySeries.run(docs, index).deleted());
        Report r = StoredLinkedValues.report(index, "sj-2022");
        assertNull(r.previous());
        assertNull(r.copies().previous());
        assertNull(r.copies().prevShare());
        assertEquals(0.0, r.copies().share());
    }
}
