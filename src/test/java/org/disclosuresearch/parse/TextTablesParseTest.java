package org.disclosuresearch.parse;

import org.disclosuresearch.report.FigureEvidence;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables inside plain text read as cells, not whitespace: tab-separated rows with empty fields (HTML tables exported
 * as text) and markdown pipe tables (PDF → markdown exports), through the real reader and parser.
 */
class TextTablesParseTest {

    private static final String TITLE = "乐清市医疗保障局2021年政府信息公开工作年度报告\n";
    private static final String APPS_HEAD = "三、收到和处理政府信息公开申请情况\n";

    @TempDir
    Path dir;

    private Report parse(String text) throws Exception {
        Path file = dir.resolve("r.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new ReportReader().read(file, dir);
    }

    @Test
    void emptyTabFieldsAreBlankCellsCountedAsZero() throws Exception {
        Report r = parse(TITLE + APPS_HEAD + "一、本年新收政府信息公开申请数量\t3\t\t\t\t\t1\t4\n"
                + "二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\n");
        assertEquals(3L, r.figures().get("apps_new_natural"));
        assertEquals(0L, r.figures().get("apps_new_business"));
        assertEquals(1L, r.figures().get("apps_new_org_other"));
        assertEquals(4L, r.figures().get("apps_new_total"));
        assertEquals(FigureEvidence.Method.BLANK, r.evidenceOf("apps_new_business").method());
        assertEquals(FigureEvidence.Method.CELL, r.evidenceOf("apps_new_total").method());
        assertEquals(0L, r.figures().get("apps_carried_total"), "a printed row of empty cells is a row of zeros");
    }

    @Test
    void aBlankTotalBesideNonZeroPartsIsAbsentNotZero() throws Exception {
        Report r = parse(TITLE + APPS_HEAD + "一、本年新收政府信息公开申请数量\t3\t\t\t\t\t1\t\n");
        assertEquals(3L, r.figures().get("apps_new_natural"));
        assertFalse(r.figures().containsKey("apps_new_total"), String.valueOf(r.figures()));
        assertTrue(r.note().contains("总计"), r.note());
    }

    @Test
    void aMarkdownTableIsReadAsAGrid() throws Exception {
        Report r = parse(TITLE + "二、主动公开政府信息情况\n\n"
                + "| 第二十条第（一）项 | | | |\n|---|---|---|---|\n"
                + "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
                + "| 规章 | 0 | 0 | 2 |\n| 行政规范性文件 | 12 | | 30 |\n"
                + "| 第二十条第（六）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政处罚 | 1,193 | | |\n");
        assertEquals(2L, r.figures().get("regulations_in_force"));
        assertEquals(12L, r.figures().get("normative_issued"));
        assertEquals(0L, r.figures().get("normative_repealed"));
        assertEquals(30L, r.figures().get("normative_in_force"));
        assertEquals(1193L, r.figures().get("penalties"));
    }

    @Test
    void aLabelRowAndANumberRowOfAPipeTableAreNotJoinedByGuess() throws Exception {
        // a PDF → markdown export: the label's row holds no numbers and the numbers' row no label; the numbers
        // may be this row's or the next one's, so neither zeros for the label nor these numbers may be read
        Report r = parse(TITLE + APPS_HEAD + "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
                + "|---|---|---|---|---|---|---|---|\n"
                + "| 一、本年新收政府信息公开申请数量 | | | | | | | |\n"
                + "| | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
                + "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n");
        assertFalse(r.figures().containsKey("apps_new_natural"), String.valueOf(r.figures()));
        assertFalse(r.figures().containsKey("apps_new_total"));
        assertEquals(1L, r.figures().get("apps_carried_total"));
    }

    @Test
    void cellsIndentedByATabOnePerLineAreStillText() throws Exception {
        // the DOCX-text layout of seeds 002 and 004: one cell per line, indented by a tab, is not a tab table
        Report r = parse(TITLE + "二、主动公开政府信息情况\n信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n"
                + "规章\n\t1\n\t0\n\t4\n");
        assertEquals(1L, r.figures().get("regulations_issued"));
        assertEquals(4L, r.figures().get("regulations_in_force"));
    }
}
