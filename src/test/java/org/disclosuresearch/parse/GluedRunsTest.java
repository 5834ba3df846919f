package org.disclosuresearch.parse;

import org.disclosuresearch.ingest.Provenance;
import org.disclosuresearch.ingest.SourceDocument;
import org.disclosuresearch.ingest.TextBlock;
import org.disclosuresearch.report.FigureEvidence;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glued digit runs as crawled portal pages print them, cut by the template's arithmetic (spec: "Glued cells, and
 * how certain a figure must be"): only a cut that is the one one left is read, and every figure says how it was read.
 */
class GluedRunsTest {

    private static final String TITLE = "平潭综合实验区某某局2023年度政府信息公开工作年度报告\n";
    private static final String T2 = "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数";
    private static final String T3 = "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";

    private static Report parse(String text) throws Exception {
        SourceDocument doc = new SourceDocument(Path.of("x.txt"), "x.txt", "txt", 1, "0",
                List.of(new TextBlock(text)), Provenance.NONE);
        return new ReportParser().parse(doc);
    }

    @Test
    void digitsGluedBetweenLabelsAndANextRowOrdinal() throws Exception {
        Report r = parse(TITLE + T2 + "规章000行政规范性文件008第二十条第（五）项信息内容本年处理决定数量行政许可52"
                + T3 + "（四）无法提供1.本机关不掌握相关政府信息40000042.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000");
        assertEquals(0L, r.figures().get("regulations_issued"));
        assertEquals(8L, r.figures().get("normative_in_force"));
        assertEquals(52L, r.figures().get("licensing"));
        assertEquals(4L, r.figures().get("apps_unable_not_held_natural"));
        assertEquals(4L, r.figures().get("apps_unable_not_held_total"));
        assertEquals(0L, r.figures().get("apps_unable_need_create_natural"), "the 2 is the next row's ordinal");
        assertEquals(0L, r.figures().get("apps_unable_unclear_total"));
        FigureEvidence e = r.evidenceOf("apps_unable_not_held_total");
        assertEquals(FigureEvidence.Method.SPLIT, e.method());
        assertEquals("4000004", e.run());
        assertEquals(FigureEvidence.Method.CELL, r.evidenceOf("licensing").method());
    }

    @Test
    void theRowIdentityChoosesTheOnlyConsistentCut() throws Exception {
        // 15130000154: 15|13|0|0|0|0|154? no: 1|5|13… — only 151|3|0|0|0|0|154 sums to its total
        Report r = parse(TITLE + T3 + "一、本年新收政府信息公开申请数量15130000154二、上年结转政府信息公开申请数量0000000");
        assertEquals(151L, r.figures().get("apps_new_natural"));
        assertEquals(3L, r.figures().get("apps_new_business"));
        assertEquals(154L, r.figures().get("apps_new_total"));
        FigureEvidence e = r.evidenceOf("apps_new_total");
        assertEquals(List.of("row_sum:new"), e.identities());
        assertTrue(e.detail().contains("row_sum:new"), e.detail());
    }

    @Test
    void aRunWithSeveralConsistentCutsStaysAbsentAndTheNoteListsThem() throws Exception {
        // 1 0|1… : 10|1|0|0|0|0|11 and 1|0|10|0|0|0|11 both satisfy row_sum; nothing else says which
        Report r = parse(TITLE + T3 + "一、本年新收政府信息公开申请数量101000011二、上年结转政府信息公开申请数量0000000");
        assertFalse(r.figures().containsKey("apps_new_natural"), String.valueOf(r.figures()));
        assertFalse(r.figures().containsKey("apps_new_total"));
        assertEquals(0L, r.figures().get("apps_carried_total"));
        assertTrue(r.note().contains("101000011") && r.note().contains("10|1|0|0|0|0|11"), r.note());
    }

    @Test
    void theNarrativeSettlesACutTheTablesLeaveOpen() throws Exception {
        // 5416 is 5|4|16, 5|41|6 or 54|1|6; the narrative's 现行有效…16件 leaves one
        Report open = parse(TITLE + T2 + "规章000行政规范性文件5416");
        assertFalse(open.figures().containsKey("normative_in_force"));
        assertTrue(open.note().contains("5|4|16") && open.note().contains("54|1|6"), open.note());
        Report r = parse(TITLE + "全面梳理了现行有效的规范性文件16件。" + T2 + "规章000行政规范性文件5416");
        assertEquals(5L, r.figures().get("normative_issued"));
        assertEquals(4L, r.figures().get("normative_repealed"));
        assertEquals(16L, r.figures().get("normative_in_force"));
        FigureEvidence e = r.evidenceOf("normative_in_force");
        assertEquals(FigureEvidence.Method.NARRATIVE, e.method());
        assertTrue(e.quote().contains("现行有效的规范性文件16件"), e.quote());
    }

    @Test
    void aNarrativeNumberThatEveryCutPrintsChoosesNothing() throws Exception {
        // 10|1|0|0|0|0|11 and 1|0|10|0|0|0|11 both print 总计 11: a stated 11 cannot choose between them
        Report r = parse(TITLE + "2023年，本局共收到政府信息公开申请11件。" + T3
                + "一、本年新收政府信息公开申请数量101000011二、上年结转政府信息公开申请数量0000000");
        assertFalse(r.figures().containsKey("apps_new_natural"));
        assertFalse(r.figures().containsKey("apps_new_total"));
    }

    @Test
    void aColumnIdentityChoosesAmongRowConsistentCuts() throws Exception {
        // （七）总计 330000033 is 33|0|…|33 or 3|30|…|33 by its row; balance per column (新收 + 结转 = 总计 + 结转下年)
        // picks the first
        Report r = parse(TITLE + T3 + "一、本年新收政府信息公开申请数量33 0 0 0 0 0 33二、上年结转政府信息公开申请数量0000000"
                + "三、本年度办理结果（七）总计330000033四、结转下年度继续办理0000000");
        assertEquals(33L, r.figures().get("apps_total_natural"));
        assertEquals(0L, r.figures().get("apps_total_business"));
        FigureEvidence e = r.evidenceOf("apps_total_natural");
        assertTrue(e.identities().contains("row_sum:total") && e.identities().contains("balance:natural"), e.toString());
        // new 30|3: natural 30 and business 3 agree with neither cut (33|0 or 3|30), so no identity chooses
        Report contradicted = parse(TITLE + T3 + "一、本年新收政府信息公开申请数量30 3 0 0 0 0 33二、上年结转政府信息公开申请数量0000000"
                + "三、本年度办理结果（七）总计330000033四、结转下年度继续办理0000000");
        assertFalse(contradicted.figures().containsKey("apps_total_natural"),
                "no cut agrees with the other rows: the column identities choose nothing");
    }

    @Test
    void aMinusSignOnlyInA2019DeltaCell() throws Exception {
        String t2019 = "二、主动公开政府信息情况第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量";
        Report r = parse("某某局2019年政府信息公开工作年度报告\n" + t2019 + "行政许可12-57其他对外管理服务事项000"
                + "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚0-50行政强制000");
        assertEquals("2019", r.template());
        // 12-57: 1|2|-57 would put a minus in 处理决定数量, so 12|-5|7 is the only cut
        assertEquals(12L, r.figures().get("licensing_prev_items"));
        assertEquals(-5L, r.figures().get("licensing_delta"));
        assertEquals(7L, r.figures().get("licensing"));
        assertEquals(0L, r.figures().get("penalties_prev_items"));
        assertEquals(-5L, r.figures().get("penalties_delta"));
        Report negative = parse(TITLE + T2 + "规章000第二十条第（六）项信息内容本年处理决定数量行政处罚 -5 行政强制 0");
        assertFalse(negative.figures().containsKey("penalties"), "行政处罚 can never be negative");
        assertEquals(0L, negative.figures().get("coercion"));
        assertTrue(negative.note().contains("行政处罚：印出负数（-5）"), negative.note());
    }

    @Test
    void a2021ReportPrintingOtherHandlingAsOneRowGetsItsFigures() throws Exception {
        Report r = parse(TITLE + T2 + "规章000" + T3
                + "（五）不予处理5.要求行政机关确认或重新出具已获取信息0000000（六）其他处理2000002（七）总计2000002");
        assertEquals("2021", r.template());
        assertEquals(2L, r.figures().get("apps_other_natural"));
        assertEquals(2L, r.figures().get("apps_other_total"));
        assertFalse(r.figures().containsKey("apps_other_other_total"));
    }

    @Test
    void theTemplatesOlderLabelIsReadInA2021Report() throws Exception {
        Report r = parse(TITLE + T2 + "规章 0 0 0 规范性文件 3 1 12");
        assertEquals(3L, r.figures().get("normative_issued"));
        assertEquals(12L, r.figures().get("normative_in_force"));
    }

    @Test
    void aLabelWithATypoIsStillItsRow() throws Exception {
        // hongze-2023.pdf prints 2.其他法律行政止公开 for 2.其他法律行政法规禁止公开
        Report r = parse(TITLE + T3 + "（三）不予公开1.属于国家秘密 1 0 0 0 0 0 1 2.其他法律行政止公开 2 0 0 0 0 0 2"
                + "3.危及“三安全一稳定” 0 0 0 0 0 0 0");
        assertEquals(2L, r.figures().get("apps_denied_law_natural"));
        assertEquals(2L, r.figures().get("apps_denied_law_total"));
        assertEquals(0L, r.figures().get("apps_denied_safety_total"));
    }

    @Test
    void aLongRunIsLeftAbsentWithANote() throws Exception {
        Report r = parse(TITLE + T3 + "一、本年新收政府信息公开申请数量" + "1234567891".repeat(8) + "二、上年结转政府信息公开申请数量0000000");
        assertFalse(r.figures().containsKey("apps_new_total"));
        assertEquals(0L, r.figures().get("apps_carried_total"));
        assertTrue(r.note().contains("本年新收政府信息公开申请数量"), r.note());
    }
}
