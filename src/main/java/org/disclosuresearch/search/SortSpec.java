package org.disclosuresearch.search;

/** Sort by {@code relevance}, {@code year} or a figure id. */
public record SortSpec(String field, boolean descending) {
    public static final SortSpec RELEVANCE = new SortSpec("relevance", true);
}
