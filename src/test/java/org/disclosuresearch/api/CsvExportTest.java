package org.disclosuresearch.api;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.FigureEvidence;
import org.disclosuresearch.report.FigureLabels;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportTest {

    @Test
    void quotesDefusesFormulasAndLeavesUnprintedFiguresEmpty() {
        StringWriter out = new StringWriter();
        CsvExport csv = new CsvExport(out, new CsvExport.Options(List.of("penalties", "fees_wan", "licensing"), true,
                false));
        csv.writeHeader();
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("penalties", -3L);
        figures.put("fees_wan", new BigDecimal("1E+2"));
        csv.write(Report.builder()
                .id("r1")
                .file("r1.txt")
                .agency("=HYPERLINK(\"http://x\",\"某局, 办公室\")")
                .year(2021)
                .template("2021")
                .region(new Region("浙江省", null, null))
                .agencyType("其他")
                .figures(figures)
                .failedChecks(List.of("balance:total", "row_sum:new"))
                .source(new SourceInfo("r1.txt", "txt", 1, "", "https://example.gov.cn/a?b=1,2", null))
                .build());
        String[] lines = out.toString().split("\r\n");
        assertEquals('\uFEFF', lines[0].charAt(0));
        assertEquals("\uFEFFid,agency,agencyKey,year,published,template,province,city,county,agencyType,failedChecks,format,url,"
                + "penalties,fees_wan,licensing", lines[0]);
        assertEquals("r1,\"'=HYPERLINK(\"\"http://x\"\",\"\"某局, 办公室\"\")\",,2021,,2021,浙江省,,,其他,"
                + "balance:total row_sum:new,txt,\"https://example.gov.cn/a?b=1,2\",-3,100,", lines[1]);

        csv.write(Report.builder()
                .id("r2")
                .file("r2.txt")
                .agency("\t=1+1")
                .year(2021)
                .region(new Region(null, null, null))
                .agencyType("@SUM(A1)")
                .figures(Map.of())
                .failedChecks(List.of())
                .build());
        String row2 = out.toString().split("\r\n")[2];
        assertEquals("r2,'\t=1+1,,2021,,,,,,'@SUM(A1),,,,,,", row2);
    }

    @Test
    void chineseHeadersCheckSentencesAndEvidenceColumns() {
        StringWriter out = new StringWriter();
        CsvExport csv = new CsvExport(out, new CsvExport.Options(List.of("apps_new_total", "apps_new_natural",
                "penalties"), false, true));
        csv.writeHeader();
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("apps_new_natural", 3L);
        figures.put("apps_new_business", 0L);
        figures.put("apps_new_research", 0L);
        figures.put("apps_new_social", 0L);
        figures.put("apps_new_legal", 0L);
        figures.put("apps_new_org_other", 0L);
        figures.put("apps_new_total", 2L);
        csv.write(Report.builder().id("r1").agency("某局").year(2021).figures(figures)
                .figureEvidence(Map.of("apps_new_natural", new FigureEvidence(FigureEvidence.Method.SPLIT, "32",
                        List.of("row_sum:new"), null, "由连写的 32 拆分"), "apps_new_business", FigureEvidence.BLANK))
                .failedChecks(List.of("row_sum:new")).build());
        String[] lines = out.toString().split("\r\n");
        assertEquals("\uFEFF报告编号,机构,机构标识,年度,发布日期,模板,省份,城市,区县,机构类型,未通过的校验,文件格式,原文地址,"
                + "表三·本年新收政府信息公开申请数量·总计,表三·本年新收政府信息公开申请数量·总计·读取方式,"
                + "表三·本年新收政府信息公开申请数量·自然人,表三·本年新收政府信息公开申请数量·自然人·读取方式,"
                + "表二·行政处罚·本年处理决定数量,表二·行政处罚·本年处理决定数量·读取方式", lines[0]);
        assertEquals("r1,某局,,2021,,,,,,,一、本年新收政府信息公开申请数量：各类申请人之和 3，总计 2,,,2,单元格,3,拆分连写数字,,",
                lines[1]);
    }

    /** Every figure gets its own Chinese header: a spreadsheet never shows two columns under one name. */
    @Test
    void chineseHeadersAreUnique() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Figure f : FigureCatalog.get().all()) {
            assertTrue(seen.add(FigureLabels.qualified(f)), "twice: " + FigureLabels.qualified(f));
        }
    }

    @Test
    void theFileNameCarriesTheQueryAndTheDate() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        assertEquals("disclosure-search_依申请公开_2026-12-02.csv", CsvExport.fileName("依申请公开", day));
        assertEquals("disclosure-search_本机关不掌握_agency_医疗保障局_2026-12-02.csv",
                CsvExport.fileName("\"本机关不掌握\" agency:医疗保障局", day));
        assertEquals("disclosure-search_2026-12-02.csv", CsvExport.fileName(null, day));
        assertEquals("disclosure-search_2026-12-02.csv", CsvExport.fileName("../\"/", day));
    }
}
