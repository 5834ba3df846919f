package org.disclosuresearch.parse;

import org.disclosuresearch.ingest.Block;
import org.disclosuresearch.ingest.Provenance;
import org.disclosuresearch.ingest.SourceDocument;
import org.disclosuresearch.ingest.TableBlock;
import org.disclosuresearch.ingest.TextBlock;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damage the seeds do not show: glued digits, wrong value counts, table grids with blank and merged cells. */
class FigureMapperTest {

    private static final String TITLE = "乐清市医疗保障局2021年政府信息公开工作年度报告\n";
    private static final String TABLE2_HEAD = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n";

    private static Report parse(Block... blocks) throws Exception {
        SourceDocument doc = new SourceDocument(Path.of("x.txt"), "x.txt", "txt", 1, "0", List.of(blocks),
                Provenance.NONE);
        return new ReportParser().parse(doc);
    }

    private static Report parseText(String text) throws Exception {
        return parse(new TextBlock(text));
    }

    @Test
    void gluedDigitsThatCannotBeSplitWithCertaintyAreLeftOutWithANote() throws Exception {
        Report r = parseText(TITLE + TABLE2_HEAD + "规章 0 0 0\n行政规范性文件8855698\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 5\n");
        assertEquals(0L, r.figures().get("regulations_issued"));
        assertFalse(r.figures().containsKey("normative_issued"));
        assertFalse(r.figures().containsKey("normative_repealed"));
        assertFalse(r.figures().containsKey("normative_in_force"));
        assertEquals(5L, r.figures().get("penalties"));
        assertNotNull(r.note());
        assertTrue(r.note().contains("8855698") && r.note().contains("行政规范性文件"), r.note());
    }

    @Test
    void gluedDigitsWithExactlyOneSplitAreRead() throws Exception {
        // without leading zeros, 000 can only be 0 0 0; a glued first value followed by the others is certain too
        Report r = parseText(TITLE + TABLE2_HEAD + "规章000\n行政规范性文件12 0 30\n");
        assertEquals(0L, r.figures().get("regulations_in_force"));
        assertEquals(12L, r.figures().get("normative_issued"));
        assertEquals(30L, r.figures().get("normative_in_force"));
    }

    @Test
    void unitsInCellsAndALabelRunIntoTheLastValue() throws Exception {
        Report r = parseText(TITLE + TABLE2_HEAD + "规章 0 0 0行政规范性文件 4 1 27\n第二十条第（五）项\n信息内容 本年处理决定数量\n"
                + "行政许可 12件\n");
        assertEquals(0L, r.figures().get("regulations_in_force"));
        assertEquals(27L, r.figures().get("normative_in_force"));
        assertEquals(12L, r.figures().get("licensing"));
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsLeftOutWithANote() throws Exception {
        Report r = parseText(TITLE + TABLE2_HEAD + "规章 0 0\n行政规范性文件 1 2 3\n");
        assertFalse(r.figures().containsKey("regulations_issued"));
        assertEquals(3L, r.figures().get("normative_in_force"));
        assertTrue(r.note().contains("规章") && r.note().contains("应有 3 个数"), r.note());
    }

    @Test
    void columnOrderComesFromTheHeader() throws Exception {
        Report r = parseText(TITLE + "二、主动公开政府信息情况\n信息内容 现行有效件数 本年制发件数 本年废止件数\n规章 9 1 2\n行政规范性文件 30 4 5\n");
        assertEquals(9L, r.figures().get("regulations_in_force"));
        assertEquals(1L, r.figures().get("regulations_issued"));
        assertEquals(30L, r.figures().get("normative_in_force"));
        assertEquals(5L, r.figures().get("normative_repealed"));
    }

    @Test
    void feesInYuanBecomeWan() throws Exception {
        Report r = parseText(TITLE + "二、主动公开政府信息情况\n第二十条第（八）项\n信息内容 本年收费金额（单位：元）\n行政事业性收费 25000\n");
        assertEquals(0, new BigDecimal("2.5").compareTo((BigDecimal) r.figures().get("fees_wan")));
    }

    @Test
    void aRowNotPrintedIsAbsentNotZero() throws Exception {
        Report r = parseText(TITLE + TABLE2_HEAD + "规章 1 0 1\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政强制 3\n");
        assertEquals(3L, r.figures().get("coercion"));
        assertFalse(r.figures().containsKey("penalties"));
        assertFalse(r.figures().containsKey("normative_issued"));
    }

    @Test
    void valuesPrintedBesideTheFirstLineOfAWrappedLabel() throws Exception {
        String seed = new String(FigureMapperTest.class.getResourceAsStream("/seeds/000_c6adf1d2ada892b8.txt")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // a PDF centres the values vertically: they may come out after the first line of a two-line label
        String damaged = seed.replace("5.要求行政机关确认或重新出\n具已获取信息\n\n0 0 0 0 0 0 0",
                "5.要求行政机关确认或重新出 0 0 0 0 0 0 0\n具已获取信息");
        assertFalse(damaged.equals(seed), "the fixture must contain the wrapped label");
        Report r = parseText(damaged);
        assertEquals(0L, r.figures().get("apps_rejected_confirm_total"));
        assertEquals(parseText(seed).figures(), r.figures());
    }

    @Test
    void aPageNumberCaughtInARowDoesNotHideALaterCleanPrinting() throws Exception {
        Report r = parseText(TITLE + TABLE2_HEAD + "规章 0 0 0\n行政规范性文件 1 2 3\n第二十条第（六）项\n信息内容 本年处理决定数量\n"
                + "行政处罚 5 12\n行政强制 3\n");
        assertFalse(r.figures().containsKey("penalties"), "5 12: two values for a one-column row");
        assertTrue(r.note().contains("行政处罚"), r.note());
        assertEquals(3L, r.figures().get("coercion"));
    }

    /** The DOCX/HTML path: a grid with merged label cells (blank) and blank value cells (0), same mapping. */
    @Test
    void tableBlocksGoThroughTheSameLabelMapping() throws Exception {
        List<List<String>> t3 = new ArrayList<>();
        t3.add(List.of("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "", "", "", "", "", ""));
        t3.add(List.of("", "自然人", "法人或其他组织", "", "", "", "", "总计"));
        t3.add(List.of("", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""));
        t3.add(List.of("一、本年新收政府信息公开申请数量", "3", "1", "", "", "", "", "4"));
        t3.add(List.of("二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"));
        t3.add(List.of("三、本年度办理结果", "（一）予以公开", "2", "1", "0", "0", "0", "0", "3"));
        t3.add(List.of("", "（三）不予公开", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1"));
        t3.add(List.of("", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"));
        t3.add(List.of("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"));
        t3.add(List.of("", "", "3.其他", "", "", "", "", "", "", ""));
        t3.add(List.of("", "（七）总计", "3", "1", "0", "0", "0", "0", "4"));
        t3.add(List.of("四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"));
        List<List<String>> t2 = List.of(
                List.of("第二十条第（一）项", "", "", ""),
                List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
                List.of("规章", "", "", ""),
                List.of("行政规范性文件", "2", "", "19"));
        List<List<String>> t4 = List.of(
                List.of("行政复议", "", "", "", "", "行政诉讼"),
                List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"),
                List.of("", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正",
                        "其他结果", "尚未审结", "总计"),
                List.of("1", "", "", "", "1", "", "", "", "", "", "", "", "", "", ""));
        Report r = parse(new TextBlock(TITLE + "二、主动公开政府信息情况"), new TableBlock(t2),
                new TextBlock("三、收到和处理政府信息公开申请情况"), new TableBlock(t3),
                new TextBlock("四、政府信息公开行政复议、行政诉讼情况"), new TableBlock(t4));
        assertEquals("2021", r.template());
        assertEquals(0L, r.figures().get("regulations_issued"), "a printed row whose cells are all blank reads as 0");
        assertEquals(2L, r.figures().get("normative_issued"));
        assertEquals(0L, r.figures().get("normative_repealed"), "blank cell inside a value row counts as 0");
        assertEquals(19L, r.figures().get("normative_in_force"));
        assertEquals(3L, r.figures().get("apps_new_natural"));
        assertEquals(0L, r.figures().get("apps_new_research"));
        assertEquals(4L, r.figures().get("apps_new_total"));
        assertEquals(1L, r.figures().get("apps_denied_secret_natural"));
        assertEquals(0L, r.figures().get("apps_other_other_total"), "an all-blank value row reads as zeros");
        assertEquals(0L, r.figures().get("apps_other_total"), "2021: the sum of the three sub-rows");
        assertFalse(r.figures().containsKey("apps_partial_natural"), "row not printed");
        assertEquals(1L, r.figures().get("review_upheld"));
        assertEquals(1L, r.figures().get("review_total"));
        assertEquals(0L, r.figures().get("suit_after_review_total"));
        assertTrue(r.text().contains("行政规范性文件 2 19"), "searchable text shows the table as printed: " + r.text());
    }
}
