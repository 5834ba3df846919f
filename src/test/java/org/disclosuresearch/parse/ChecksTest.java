package org.disclosuresearch.parse;

import org.disclosuresearch.report.FigureCatalog;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {

    private final Checks checks = new Checks();

    /** Every 2019-template figure at 0: all checks hold. */
    private static Map<String, Number> zeros() {
        Map<String, Number> figures = new HashMap<>();
        FigureCatalog.get().all().stream().filter(f -> f.printedIn("2019")).forEach(f -> figures.put(f.id(), 0L));
        return figures;
    }

    @Test
    void consistentFiguresPass() {
        assertEquals(List.of(), checks.failed(zeros(), Set.of()));
    }

    @Test
    void balanceFailsInTheColumnWhereNewPlusCarriedIsNotTotalPlusCarryover() {
        Map<String, Number> f = zeros();
        f.put("apps_new_legal", 2L);
        f.put("apps_new_total", 2L);
        f.put("apps_granted_legal", 2L);
        f.put("apps_granted_total", 2L);
        f.put("apps_total_legal", 1L); // should be 2
        f.put("apps_total_total", 2L);
        List<String> failed = checks.failed(f, Set.of());
        assertTrue(failed.contains("balance:legal"), failed::toString);
        assertTrue(failed.contains("row_sum:total"), failed::toString);
        assertTrue(failed.contains("outcome_sum:legal"), failed::toString);
    }

    @Test
    void rowSumFailsWhenTheTotalColumnDisagreesWithItsParts() {
        Map<String, Number> f = zeros();
        f.put("apps_unable_not_held_natural", 1L);
        assertTrue(checks.failed(f, Set.of()).contains("row_sum:unable_not_held"));
    }

    @Test
    void outcomeSumComparesTheTotalRowWithAllOutcomeRows() {
        Map<String, Number> f = zeros();
        f.put("apps_total_research", 3L);
        f.put("apps_denied_secret_research", 1L);
        f.put("apps_rejected_massive_research", 1L);
        f.put("apps_other_research", 1L);
        List<String> failed = checks.failed(f, Set.of());
        assertTrue(!failed.contains("outcome_sum:research"), failed::toString);
        f.put("apps_other_research", 0L);
        assertTrue(checks.failed(f, Set.of()).contains("outcome_sum:research"));
    }

    @Test
    void reviewSumPerGroup() {
        Map<String, Number> f = zeros();
        f.put("suit_after_review_upheld", 1L);
        f.put("suit_after_review_pending", 1L);
        f.put("suit_after_review_total", 1L);
        assertEquals(List.of("review_sum:suit_after_review"), checks.failed(f, Set.of()));
    }

    @Test
    void onlyWhatWasPrintedIsChecked() {
        Map<String, Number> f = zeros();
        f.put("apps_unable_not_held_natural", 1L);
        f.remove("apps_unable_not_held_total");
        List<String> failed = checks.failed(f, Set.of());
        assertTrue(!failed.contains("row_sum:unable_not_held"), "the row's total was not printed: " + failed);
        assertEquals(List.of(), checks.failed(Map.of(), Set.of()), "no figures, no checks");
    }

    @Test
    void derivedRowsGetNoRowSumOfTheirOwn() {
        Map<String, Number> f = zeros();
        f.put("apps_other_natural", 1L);
        Set<String> derived = Set.of("apps_other_natural", "apps_other_business", "apps_other_research",
                "apps_other_social", "apps_other_legal", "apps_other_org_other", "apps_other_total");
        assertTrue(!checks.failed(f, derived).contains("row_sum:other"));
        assertTrue(checks.failed(f, Set.of()).contains("row_sum:other"));
    }
}
