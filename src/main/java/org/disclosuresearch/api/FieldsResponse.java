package org.disclosuresearch.api;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.search.FacetSelection;

import java.util.List;

/**
 * The figure catalogue as {@code GET /api/fields} and the {@code fields} command give it, so that clients offer every
 * figure by its Chinese label.
 */
public record FieldsResponse(List<Field> fields, List<String> dimensions) {

    public record Field(String id, String table, String row, String column, String unit, List<String> templates) {
    }

    public static FieldsResponse catalogue() {
        List<Field> fields = FigureCatalog.get().all().stream()
                .map((Figure f) -> new Field(f.id(), f.table(), f.row(), f.column(), f.unit(), List.copyOf(f.templates())))
                .toList();
        return new FieldsResponse(fields, FacetSelection.DIMENSIONS);
    }
}
