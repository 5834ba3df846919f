package org.disclosuresearch.parse;

import org.disclosuresearch.report.FigureCatalog;

import java.util.HashMap;
import java.util.Map;

/** A consistent report's figures for the checks' tests: every figure the 2019 template prints, all 0, then some set. */
final class ZeroFigures {
    private ZeroFigures() {
    }

    /** Every 2019 figure 0, then {@code idsAndValues} as pairs (figure id, value): {@code with("review_total", 2)}. */
    static Map<String, Number> with(Object... idsAndValues) {
        if (idsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of figure id and value expected");
        }
        Map<String, Number> figures = new HashMap<>();
        FigureCatalog.get().all().stream().filter(f -> f.printedIn("2019")).forEach(f -> figures.put(f.id(), 0L));
        for (int i = 0; i < idsAndValues.length; i += 2) {
            figures.put((String) idsAndValues[i], ((Number) idsAndValues[i + 1]).longValue());
        }
        return figures;
    }
}
