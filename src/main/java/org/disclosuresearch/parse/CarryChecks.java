package org.disclosuresearch.parse;

import org.disclosuresearch.report.CarryCheck;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.FigureLabels;
import org.disclosuresearch.report.PreviousReport;
import org.disclosuresearch.report.Report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-year checks: what a report carries over from its agency's previous report must be what that report
 * printed. Table 三: this year's 二、上年结转 ({@code apps_carried_<col>}) equals last year's 四、结转下年度继续办理
 * ({@code apps_carryover_<col>}), column by column ({@code carry:<col>}). Table 二 of the 2019 template (2019 and 2020
 * reports): this year's 上一年项目数量 equals last year's 上一年项目数量 + 本年增/减 ({@code carry:<row>_prev_items}).
 * A figure absent on either side is no check; a disagreement is a failed check of the later report.
 */
public final class CarryChecks {
    private CarryChecks() {
    }

    /** Prefix of every cross-year check id. */
    public static final String PREFIX = "carry:";
    private static final String CARRIED = "apps_carried_";
    private static final String CARRYOVER = "apps_carryover_";
    private static final String PREV_ITEMS = "_prev_items";
    private static final String DELTA = "_delta";
    private static final String TEMPLATE_2019 = "2019";

    /** The previous report's figures the checks and the growth read: what {@link PreviousReport#figures()} keeps. */
    public static Set<String> previousFiguresUsed() {
        Set<String> ids = new LinkedHashSet<>();
        for (Figure f : FigureCatalog.get().all()) {
            String id = f.id();
            if (id.startsWith(CARRYOVER) || id.endsWith(PREV_ITEMS) || id.endsWith(DELTA)) {
                ids.add(id);
            }
        }
        ids.add("apps_new_total");
        return ids;
    }

    /** The failed cross-year checks of a report against its {@link Report#previous()}; empty without one. */
    public static List<CarryCheck> failed(Report report) {
        PreviousReport prev = report.previous();
        if (prev == null) {
            return List.of();
        }
        List<CarryCheck> out = new ArrayList<>();
        Map<String, Number> mine = report.figures();
        Map<String, Number> theirs = prev.figures();
        for (Figure f : FigureCatalog.get().all()) {
            String id = f.id();
            if (id.startsWith(CARRIED)) {
                String column = id.substring(CARRIED.length());
                String other = CARRYOVER + column;
                compare(report, prev, PREFIX + column, id, mine.get(id), other, theirs.get(other), out);
            } else if (id.endsWith(PREV_ITEMS) && TEMPLATE_2019.equals(report.template())) {
                String row = id.substring(0, id.length() - PREV_ITEMS.length());
                Number items = theirs.get(id);
                Number delta = theirs.get(row + DELTA);
                Number sum = items == null || delta == null ? null : items.longValue() + delta.longValue();
                compare(report, prev, PREFIX + id, id, mine.get(id), id + "+" + row + DELTA, sum, out);
            }
        }
        return out;
    }

    private static void compare(Report report, PreviousReport prev, String check, String figure, Number value,
                                String otherFigure, Number otherValue, List<CarryCheck> out) {
        if (value == null || otherValue == null || value.longValue() == otherValue.longValue()) {
            return;
        }
        out.add(new CarryCheck(check, figure, value, prev.id(), prev.year(), otherFigure, otherValue,
                sentence(report, prev, figure, value, otherFigure, otherValue)));
    }

    private static String sentence(Report report, PreviousReport prev, String figure, Number value, String otherFigure,
                                   Number otherValue) {
        Figure f = FigureCatalog.get().require(figure);
        String mine = FigureLabels.qualified(f);
        String theirs = otherFigure.contains("+")
                ? "上一年项目数量 + 本年增/减"
                : FigureLabels.qualified(FigureCatalog.get().require(otherFigure));
        return (report.year() == null ? "本年" : report.year() + " 年") + "「" + mine + "」" + value + "，与上一年度报告（"
                + prev.year() + " 年）「" + theirs + "」" + otherValue + " 不符";
    }
}
