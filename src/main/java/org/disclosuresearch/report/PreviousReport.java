package org.disclosuresearch.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same agency's report of the year before, as much of it as a report's cross-year values use: its id and year
 * (for a link), and the figures that this year's report continues (结转下年度继续办理, the 2019 template's 上一年项目数量
 * and 本年增/减) or grows from (本年新收申请总计).
 *
 * @param id      the previous report's id
 * @param year    its year
 * @param figures the figures used, typed as in {@link Report#figures()}
 */
public record PreviousReport(String id, Integer year, Map<String, Number> figures) {
    public PreviousReport {
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
