package org.disclosuresearch.synthetic;

import org.disclosuresearch.report.Region;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generated report: its text as a file would hold it, and what a correct parser reads from it.
 *
 * @param id           file name without extension (r0001234)
 * @param agency       the agency as the title prints it
 * @param year         the year reported on
 * @param published    the date printed at the end (ISO)
 * @param template     "2021" or "2019"
 * @param layout       the table layout of the text
 * @param region       the agency's region
 * @param agencyType   the agency type its name implies
 * @param figures      every figure the tables print (2021: with apps_other_* as the sum of its sub-rows)
 * @param failedChecks the check ids the printed figures fail
 * @param planted      the planted phrases this report carries
 * @param text         the report text
 */
public record SyntheticReport(String id, String agency, int year, String published, String template,
                              TableLayout layout, Region region, String agencyType, Map<String, Number> figures,
                              Set<String> failedChecks, List<String> planted, String text) {
}
