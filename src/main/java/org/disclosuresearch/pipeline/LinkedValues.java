package org.disclosuresearch.pipeline;

import org.disclosuresearch.parse.CarryChecks;
import org.disclosuresearch.report.CarryCheck;
import org.disclosuresearch.report.DerivedFigures;
import org.disclosuresearch.report.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a report derives from its own figures and its {@link Report#previous()}: the derived figures and the
 * failed cross-year checks (kept apart in {@code carryChecks} and listed in {@code failedChecks} after the parser's).
 * One derivation for the write path (no previous report yet) and the agency linker (after it set one).
 */
public final class LinkedValues {
    private LinkedValues() {
    }

    public static Report derive(Report report) {
        List<CarryCheck> carry = CarryChecks.failed(report);
        List<String> checks = new ArrayList<>();
        for (String id : report.failedChecks()) {
            if (!id.startsWith(CarryChecks.PREFIX)) {
                checks.add(id);
            }
        }
        carry.forEach(c -> checks.add(c.check()));
        return report.toBuilder().derivedFigures(DerivedFigures.compute(report)).carryChecks(carry)
                .failedChecks(checks).build();
    }
}
