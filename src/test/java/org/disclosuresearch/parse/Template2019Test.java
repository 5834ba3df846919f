package org.disclosuresearch.parse;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report on the 2019 template (国办公开办函〔2019〕60号), written from that template's structure. */
class Template2019Test {

    private static Report parse() throws Exception {
        Path file = Path.of(Template2019Test.class.getResource("/fixtures/template-2019.txt").toURI());
        return new ReportReader().read(file, file.getParent());
    }

    @Test
    void metadata() throws Exception {
        Report r = parse();
        assertEquals("2019", r.template());
        assertEquals("温州市生态环境局", r.agency());
        assertEquals(2019, r.year());
        assertEquals("2020-01-20", r.published());
        assertEquals(new Region("浙江省", "温州市", null), r.region());
        assertEquals("生态环境", r.agencyType());
        assertEquals("template-2019", r.id());
    }

    @Test
    void table2UsesThe2019ColumnsIncludingNegativeDeltasAndYuanConvertedToWan() throws Exception {
        Map<String, Number> f = parse().figures();
        assertEquals(0L, f.get("regulations_made"));
        assertEquals(3L, f.get("normative_made"));
        assertEquals(3L, f.get("normative_published"));
        assertEquals(25L, f.get("normative_public_total"));
        assertEquals(42L, f.get("licensing_prev_items"));
        assertEquals(-3L, f.get("licensing_delta"));
        assertEquals(1260L, f.get("licensing"), "1,260 with a thousands separator");
        assertEquals(5L, f.get("other_services_prev_items"));
        assertEquals(88L, f.get("other_services"));
        assertEquals(310L, f.get("penalties_prev_items"));
        assertEquals(-185L, f.get("penalties_delta"));
        assertEquals(96L, f.get("penalties"));
        assertEquals(7L, f.get("coercion"));
        assertEquals(2L, f.get("fees_prev_items"));
        assertEquals(0L, f.get("fees_delta"));
        assertEquals(6L, f.get("procurement_items"));
        assertEquals(0, new BigDecimal("123.45").compareTo((BigDecimal) f.get("procurement_amount_wan")),
                "1234500 元 is 123.45 万元, got " + f.get("procurement_amount_wan"));
        // 2021-only figures are not printed by this template: absent, not 0
        assertFalse(f.containsKey("regulations_issued"));
        assertFalse(f.containsKey("fees_wan"));
    }

    @Test
    void table3HasTheSingleOtherRowAndNo2021SubRows() throws Exception {
        Map<String, Number> f = parse().figures();
        assertEquals(1L, f.get("apps_other_natural"));
        assertEquals(1L, f.get("apps_other_total"));
        assertEquals(0L, f.get("apps_other_business"));
        assertFalse(f.containsKey("apps_other_no_correction_natural"));
        assertFalse(f.containsKey("apps_other_other_total"));
        assertEquals(26L, f.get("apps_new_total"));
        assertEquals(2L, f.get("apps_partial_natural"), "label wrapped over two lines");
        assertEquals(1L, f.get("apps_denied_process_business"));
        assertEquals(5L, f.get("apps_unable_not_held_total"));
        assertEquals(0L, f.get("apps_rejected_confirm_total"), "label wrapped over two lines");
        assertEquals(24L, f.get("apps_total_total"));
        assertEquals(4L, f.get("apps_carryover_total"));
    }

    @Test
    void table4AndChecks() throws Exception {
        Report r = parse();
        Map<String, Number> f = r.figures();
        assertEquals(2L, f.get("review_upheld"));
        assertEquals(3L, f.get("review_total"));
        assertEquals(1L, f.get("suit_direct_upheld"));
        assertEquals(1L, f.get("suit_direct_pending"));
        assertEquals(2L, f.get("suit_direct_total"));
        assertEquals(0L, f.get("suit_after_review_total"));
        assertTrue(r.failedChecks().isEmpty(), r.failedChecks()::toString);
        assertNull(r.note());
    }

    @Test
    void everyCatalogueFigureOfThe2019TemplateIsRead() throws Exception {
        Report r = parse();
        long expected = org.disclosuresearch.report.FigureCatalog.get().all().stream()
                .filter(fig -> fig.printedIn("2019")).count();
        assertEquals(expected, r.figures().size(), r.figures().keySet()::toString);
    }
}
