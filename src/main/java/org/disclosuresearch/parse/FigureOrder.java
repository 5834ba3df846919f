package org.disclosuresearch.parse;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** Figures are reported in catalogue order (table 二, 三, 四), whatever order they were found in. */
final class FigureOrder {
    private FigureOrder() {
    }

    static Map<String, Number> inCatalogueOrder(Map<String, Number> figures) {
        Map<String, Number> ordered = new LinkedHashMap<>();
        for (Figure f : FigureCatalog.get().all()) {
            Number n = figures.get(f.id());
            if (n != null) {
                ordered.put(f.id(), n);
            }
        }
        return ordered;
    }
}
