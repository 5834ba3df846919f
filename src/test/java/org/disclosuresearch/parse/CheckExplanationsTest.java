package org.disclosuresearch.parse;

import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckExplanationsTest {

    /** The explanations cover exactly the checks the parser's rules fail, with the numbers as printed. */
    private static List<CheckExplanations.Explanation> explain(Map<String, Number> figures) {
        List<String> failed = new Checks().failed(figures, Set.of());
        return new CheckExplanations().of(Report.builder().id("r").figures(figures).failedChecks(failed).build());
    }

    @Test
    void aRowSumSaysBothSidesWithTheRowAsPrinted() {
        Map<String, Number> f = ZeroFigures.with("apps_new_natural", 2, "apps_new_legal", 1, "apps_new_total", 2,
                "apps_carried_total", 1, "apps_total_total", 3, "apps_granted_total", 3, "apps_granted_natural", 3,
                "apps_carried_natural", 1, "apps_total_natural", 3);
        List<CheckExplanations.Explanation> all = explain(f);
        CheckExplanations.Explanation rowSum = all.stream().filter(e -> e.check().equals("row_sum:new")).findFirst()
                .orElseThrow(() -> new AssertionError(all.toString()));
        assertEquals("一、本年新收政府信息公开申请数量：各类申请人之和 3，总计 2", rowSum.sentence());
        assertEquals(3L, rowSum.expected());
        assertEquals(2L, rowSum.printed());
        assertEquals(List.of("apps_new_total"), rowSum.totals());
        assertEquals(List.of("apps_new_natural", "apps_new_business", "apps_new_research", "apps_new_social",
                "apps_new_legal", "apps_new_org_other"), rowSum.parts());
        assertEquals(7, rowSum.cells().size());
    }

    @Test
    void balanceOutcomeAndReviewSentences() {
        Map<String, Number> f = ZeroFigures.with("apps_new_legal", 2, "apps_new_total", 2, "apps_granted_legal", 2,
                "apps_granted_total", 2, "apps_total_legal", 1, "apps_total_total", 2, "review_upheld", 1,
                "review_total", 2);
        Map<String, String> sentences = new HashMap<>();
        explain(f).forEach(e -> sentences.put(e.check(), e.sentence()));
        assertEquals("「法律服务机构」列：本年新收 2 + 上年结转 0 = 2，办理结果总计 1 + 结转下年度 0 = 1",
                sentences.get("balance:legal"));
        assertEquals("「法律服务机构」列：各项办理结果之和 2，（七）总计 1", sentences.get("outcome_sum:legal"));
        assertEquals("行政复议：结果维持、结果纠正、其他结果、尚未审结之和 1，总计 2", sentences.get("review_sum:review"));
        assertEquals("（七）总计：各类申请人之和 1，总计 2", sentences.get("row_sum:total"));
    }

    @Test
    void aCheckNoRuleKnowsIsSaidAsItIs() {
        Report r = Report.builder().id("r").figures(Map.of()).failedChecks(List.of("made_up:x")).build();
        assertEquals("校验 made_up:x 未通过", new CheckExplanations().of(r).get(0).sentence());
    }
}
