package org.disclosuresearch.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Figures named as the template prints them, for people rather than programs: {@code 表三·本年新收政府信息公开申请数量·总计}
 * (a spreadsheet header, a column of the search command). The catalogue's notes for programmers are left out.
 */
public final class FigureLabels {
    private FigureLabels() {
    }

    /** "表三·本年新收政府信息公开申请数量·总计": the table's number, the row path and the column path without numbering. */
    public static String qualified(Figure f) {
        if (f.derived()) {
            return "派生·" + f.row();
        }
        return tableNumber(f.table()) + "·" + path(f.row()) + "·" + path(f.column());
    }

    /** "行政处罚·本年处理决定数量": the innermost row and column, for a narrow column head. */
    public static String brief(Figure f) {
        if (f.derived()) {
            return f.row();
        }
        return last(f.row()) + "·" + last(f.column());
    }

    /** "二、主动公开政府信息情况" → "表二". */
    static String tableNumber(String table) {
        int mark = table.indexOf('、');
        return "表" + (mark > 0 ? table.substring(0, mark) : table);
    }

    private static String path(String label) {
        return Arrays.stream(withoutNote(label).split(" / ")).map(FigureLabels::unnumbered)
                .collect(Collectors.joining("·"));
    }

    private static String last(String label) {
        String[] parts = withoutNote(label).split(" / ");
        return unnumbered(parts[parts.length - 1]);
    }

    /** "(2019: 处理决定数量)", "(2019: a single row; …)" and "(converted to 万元)" are notes for programmers. */
    public static String withoutNote(String label) {
        return label.replaceAll("\\s*\\((?:2019|2021|converted)[^)]*\\)\\s*$", "").strip();
    }

    /** "一、", "（三）", "1." numbering the template puts before a row. */
    private static String unnumbered(String segment) {
        return segment.replaceFirst("^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d+\\.)", "").strip();
    }
}
