package org.disclosuresearch.search;

/** A closed or open numeric range on a figure id (or {@code year}); a null bound is open. */
public record RangeFilter(String field, Double min, Double max) {
}
