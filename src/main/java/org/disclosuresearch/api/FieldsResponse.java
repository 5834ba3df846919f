package org.disclosuresearch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.search.FacetSelection;

import java.util.List;

/**
 * The figure catalogue as {@code GET /api/fields} and the {@code fields} command give it, so that clients offer every
 * figure by its Chinese label.
 */
public record FieldsResponse(List<Field> fields, List<String> dimensions) {

    /**
     * @param formula for a derived figure (computed at index time, {@code derived: true}), how; its aggregate's mean
     *                is Σ numerator / Σ denominator over the group, not a mean of the reports' ratios
     */
    public record Field(String id, String table, String row, String column, String unit, List<String> templates,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String formula,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean derived) {
    }

    public static FieldsResponse catalogue() {
        List<Field> fields = FigureCatalog.get().allWithDerived().stream()
                .map((Figure f) -> new Field(f.id(), f.table(), f.row(), f.column(), f.unit(),
                        List.copyOf(f.templates()), f.formula(), f.derived()))
                .toList();
        return new FieldsResponse(fields, FacetSelection.DIMENSIONS);
    }
}
