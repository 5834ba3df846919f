package org.disclosuresearch.report;

import java.util.Set;

/**
 * One figure of the three statistical tables, as catalogued in {@code spec/fields.csv}.
 *
 * @param id        stable id: the JSON key, index field, API parameter and CSV column
 * @param table     the report section the table stands in (二、主动公开政府信息情况 …)
 * @param row       the template's row label ({@code group / sub-row} for table 三)
 * @param column    the template's column label
 * @param templates which templates print it ("2021", "2019")
 * @param unit      件 or 万元; 比例 for a derived ratio (a fraction: 0.8 is 80%)
 * @param formula   for a figure computed at index time ({@link DerivedFigures}), how; null for a figure read from the
 *                  report
 */
public record Figure(String id, String table, String row, String column, Set<String> templates, String unit,
                     String formula) {

    /** The unit of a derived ratio. */
    public static final String RATIO_UNIT = "比例";

    public Figure(String id, String table, String row, String column, Set<String> templates, String unit) {
        this(id, table, row, column, templates, unit, null);
    }

    /** Money figures and ratios keep their decimals; counts are whole numbers. */
    public boolean isDecimal() {
        return "万元".equals(unit) || derived();
    }

    /** Computed at index time, not read from the report: no evidence, never in a check. */
    public boolean derived() {
        return formula != null;
    }

    public boolean printedIn(String template) {
        return templates.contains(template);
    }
}
