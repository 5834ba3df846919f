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
        csv.write(new Report("r1", "r1.txt", "=HYPERLINK(\"http://x\",\"某局, 办公室\")", 2021, null, "2021",
                new Region("浙江省", null, null), "其他", figures, List.of("balance:total", "row_sum:new"), null,
                new SourceInfo("r1.txt", "txt", 1, "", "https://example.gov.cn/a?b=1,2", null), null));
        String[] lines = out.toString().split("\r\n");
        assertEquals('\uFEFF', lines[0].charAt(0));
        assertEquals("\uFEFFid,agency,year,published,template,province,city,county,agencyType,failedChecks,format,url,"
                + "penalties,fees_wan,licensing", lines[0]);
        assertEquals("r1,\"'=HYPERLINK(\"\"http://x\"\",\"\"某局, 办公室\"\")\",2021,,2021,浙江省,,,其他,"
                + "balance:total row_sum:new,txt,\"https://example.gov.cn/a?b=1,2\",-3,100,", lines[1]);

        csv.write(new Report("r2", "r2.txt", "\t=1+1", 2021, null, null, new Region(null, null, null), "@SUM(A1)",
                Map.of(), List.of(), null, null, null));
        String row2 = out.toString().split("\r\n")[2];
        assertEquals("r2,'\t=1+1,2021,,,,,,'@SUM(A1),,,,,,", row2);
    }
}
