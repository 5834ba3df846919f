package org.disclosuresearch.api;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.search.FacetSelection;

import java.util.List;

/** {@code GET /api/fields}: the figure catalogue, so that clients offer every figure by its Chinese label. */
record FieldsResponse(List<Field> fields, List<String> dimensions) {

    record Field(String id, String table, String row, String column, String unit, List<String> templates) {
    }

    static FieldsResponse catalogue() {
        List<Field> fields = FigureCatalog.get().all().stream()
                .map((Figure f) -> new Field(f.id(), f.table(), f.row(), f.column(), f.unit(), List.copyOf(f.templates())))
                .toList();
        return new FieldsResponse(fields, FacetSelection.DIMENSIONS);
    }
}
