package org.disclosuresearch.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mistyped figure id gets the closest ids as suggestions, and nothing far-fetched. */
class FigureCatalogSuggestionsTest {
    private final FigureCatalog catalog = FigureCatalog.get();

    @Test
    void a_typo_suggests_the_id_meant() {
        assertEquals(List.of("penalties"), catalog.closest("penalty"));
        assertEquals(List.of("penalties"), catalog.closest("Penaltis"));
        assertEquals(List.of("review_total"), catalog.closest("reveiw_total"));
        assertEquals("; did you mean penalties?", catalog.didYouMean("penalty"));
    }

    @Test
    void a_prefix_suggests_ids_that_start_with_it() {
        List<String> close = catalog.closest("apps_new");
        assertTrue(close.contains("apps_new_total"), close.toString());
        assertTrue(close.size() <= FigureCatalog.MAX_SUGGESTIONS, close.toString());
        assertTrue(close.stream().allMatch(id -> id.startsWith("apps_new_")), close.toString());
    }

    @Test
    void other_names_a_parameter_takes_are_suggested_too() {
        assertEquals(List.of("year"), catalog.closest("yaer", "year"));
    }

    @Test
    void nothing_close_means_no_suggestion() {
        assertEquals(List.of(), catalog.closest("xyzzy_quux"));
        assertEquals(List.of(), catalog.closest(""));
        assertEquals("", catalog.didYouMean("xyzzy_quux"));
        assertTrue(catalog.require("penalties").id().equals("penalties"));
    }
}
