package org.disclosuresearch.report;

/**
 * The same agency's latest report of an earlier year when the year before is missing (a year it published nothing, or
 * that is not indexed): the report its copy share (a) compares with. Carry checks and growth need the year before and
 * do not use it.
 *
 * @param id   the earlier report's id
 * @param year its year
 */
public record EarlierReport(String id, Integer year) {
}
