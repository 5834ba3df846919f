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
 * @param unit      件 or 万元
 */
public record Figure(String id, String table, String row, String column, Set<String> templates, String unit) {

    /** Money figures keep their decimals; counts are whole numbers. */
    public boolean isDecimal() {
        return "万元".equals(unit);
    }

    public boolean printedIn(String template) {
        return templates.contains(template);
    }
}
