package org.disclosuresearch.search;

/** Aggregate a figure over the result set, overall and, when {@code by} is set, per value of a facet dimension. */
public record StatsRequest(String field, String by) {
}
