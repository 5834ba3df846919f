package org.disclosuresearch.parse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {

    private final Checks checks = new Checks();

    /** Every 2019-template figure at 0: all checks hold. */

    @Test
    void consistentFiguresPass() {
        assertEquals(List.of(), checks.failed(ZeroFigures.with(), Set.of()));
    }

    @Test
    void balanceFailsInTheColumnWhereNewPlusCarriedIsNotTotalPlusCarryover() {
        // apps_total_legal should be 2
        Map<String, Number> f = ZeroFigures.with("apps_new_legal", 2, "apps_new_total", 2, "apps_granted_legal", 2,
                "apps_granted_total", 2, "apps_total_legal", 1, "apps_total_total", 2);
        List<String> failed = checks.failed(f, Set.of());
        assertTrue(failed.contains("balance:legal"), failed::toString);
        assertTrue(failed.contains("row_sum:total"), failed::toString);
        assertTrue(failed.contains("outcome_sum:legal"), failed::toString);
    }

    @Test
    void rowSumFailsWhenTheTotalColumnDisagreesWithItsParts() {
        Map<String, Number> f = ZeroFigures.with("apps_unable_not_held_natural", 1);
        assertTrue(checks.failed(f, Set.of()).contains("row_sum:unable_not_held"));
    }

    @Test
    void outcomeSumComparesTheTotalRowWithAllOutcomeRows() {
        Map<String, Number> f = ZeroFigures.with("apps_total_research", 3, "apps_denied_secret_research", 1,
                "apps_rejected_massive_research", 1, "apps_other_research", 1);
        List<String> failed = checks.failed(f, Set.of());
        assertTrue(!failed.contains("outcome_sum:research"), failed::toString);
        f.put("apps_other_research", 0L);
        assertTrue(checks.failed(f, Set.of()).contains("outcome_sum:research"));
    }

    @Test
    void reviewSumPerGroup() {
        Map<String, Number> f = ZeroFigures.with("suit_after_review_upheld", 1, "suit_after_review_pending", 1,
                "suit_after_review_total", 1);
        assertEquals(List.of("review_sum:suit_after_review"), checks.failed(f, Set.of()));
    }

    @Test
    void onlyWhatWasPrintedIsChecked() {
        Map<String, Number> f = ZeroFigures.with("apps_unable_not_held_natural", 1);
        f.remove("apps_unable_not_held_total");
        List<String> failed = checks.failed(f, Set.of());
        assertTrue(!failed.contains("row_sum:unable_not_held"), "the row's total was not printed: " + failed);
        assertEquals(List.of(), checks.failed(Map.of(), Set.of()), "no figures, no checks");
    }

    @Test
    void derivedRowsGetNoRowSumOfTheirOwn() {
        Map<String, Number> f = ZeroFigures.with("apps_other_natural", 1);
        Set<String> derived = Set.of("apps_other_natural", "apps_other_business", "apps_other_research",
                "apps_other_social", "apps_other_legal", "apps_other_org_other", "apps_other_total");
        assertTrue(!checks.failed(f, derived).contains("row_sum:other"));
        assertTrue(checks.failed(f, Set.of()).contains("row_sum:other"));
    }
}
