package org.disclosuresearch.api;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvExportTest {

    @Test
    void quotesDefusesFormulasAndLeavesUnprintedFiguresEmpty() {
        StringWriter out = new StringWriter();
        CsvExport csv = new CsvExport(out, List.of("penalties", "fees_wan", "licensing"));
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
        assertEquals("\uFEFFid,agency,year,published,template,province,city,county,agencyType,failedChecks,format,url,"
                + "penalties,fees_wan,licensing", lines[0]);
        assertEquals("r1,\"'=HYPERLINK(\"\"http://x\"\",\"\"某局, 办公室\"\")\",2021,,2021,浙江省,,,其他,"
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
        assertEquals("r2,'\t=1+1,2021,,,,,,'@SUM(A1),,,,,,", row2);
    }
}
