package org.disclosuresearch.parse;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows and columns one national template prints, derived from the figure catalogue (spec/fields.csv) so
 * that no figure id is typed here: each row with the keyword its label is recognised by and its figures in
 * the template's column order.
 */
final class TemplateLayout {

    static final String T2021 = "2021";
    static final String T2019 = "2019";

    /**
     * Column labels of table 二 in the order the templates print them. The catalogue lists a row's figures in id
     * order, which for the 2019 template differs from the printed order (上一年项目数量 | 本年增/减 | 处理决定数量).
     */
    static final List<String> TABLE2_COLUMN_ORDER = List.of("本年制发件数", "本年废止件数", "现行有效件数",
            "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
            "本年收费金额", "采购项目数量", "采购总金额");

    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:[（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+、|\\d+[.、．])");

    enum Table { PUBLISHED, APPLICATIONS, REVIEWS }

    /**
     * One printed row.
     *
     * @param label          the catalogue's row label
     * @param keyword        what identifies the label in text (numbering and parenthetical notes cut)
     * @param fullLabel      the normalized label without numbering, to accept wrapped continuations
     * @param columnKeywords the column labels in default printed order (table 二: for header detection)
     * @param figures        the figures in the same order
     * @param group          rows printed under one column header share a group
     */
    record Row(Table table, String label, String keyword, String fullLabel, List<String> columnKeywords,
               List<Figure> figures, String group) {

        /** The keyword and the variants real reports print for it (2021 reports still write 规范性文件). */
        List<String> keywords() {
            List<String> aliases = LABEL_VARIANTS.get(fullLabel);
            if (aliases == null) {
                return List.of(keyword);
            }
            List<String> all = new ArrayList<>(List.of(keyword));
            all.addAll(aliases);
            return all;
        }
    }

    /** Labels real reports print instead of the template's own, by the template's normalized label. */
    private static final Map<String, List<String>> LABEL_VARIANTS = Map.of("行政规范性文件", List.of("规范性文件"));

    /** A row that 2021 no longer prints but whose figures are the sum of its printed sub-rows. */
    record DerivedRow(List<Figure> figures, List<Row> parts) {
    }

    private static final int KEYWORD_LENGTH = 6;

    private final String template;
    private final List<Row> rows;
    /** Index of each row in {@link #rows}, by identity: List.indexOf compared whole records (a hot spot when parsing). */
    private final Map<Row, Integer> order = new IdentityHashMap<>();
    private final List<DerivedRow> derived;

    private static final Map<String, TemplateLayout> LAYOUTS = Map.of(
            T2021, new TemplateLayout(T2021, FigureCatalog.get()),
            T2019, new TemplateLayout(T2019, FigureCatalog.get()));

    static TemplateLayout of(String template) {
        TemplateLayout layout = LAYOUTS.get(template);
        if (layout == null) {
            throw new IllegalArgumentException("unknown template " + template);
        }
        return layout;
    }

    static List<String> templates() {
        return List.of(T2021, T2019);
    }

    TemplateLayout(String template, FigureCatalog catalog) {
        this.template = template;
        Map<String, List<Figure>> byRow = new LinkedHashMap<>();
        for (Figure f : catalog.all()) {
            if (f.printedIn(template)) {
                byRow.computeIfAbsent(f.table() + "\u0000" + f.row(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Row> rowList = new ArrayList<>();
        List<List<Figure>> derivedFigures = new ArrayList<>();
        for (List<Figure> figures : byRow.values()) {
            Figure first = figures.get(0);
            String rowLabel = first.row();
            String base = cutNote(rowLabel);
            boolean hasSubRows = byRow.values().stream()
                    .anyMatch(o -> o.get(0).row().startsWith(base + " / ") && o.get(0).table().equals(first.table()));
            if (hasSubRows) {
                // summed from its sub-rows where they are printed; read as a row where a report prints it as one
                derivedFigures.add(figures);
            }
            Table table = tableOf(first.table());
            List<Figure> ordered = new ArrayList<>(figures);
            List<String> columns;
            if (table == Table.PUBLISHED) {
                ordered.sort(Comparator.comparingInt(f -> TABLE2_COLUMN_ORDER.indexOf(table2Column(f))));
                columns = ordered.stream().map(TemplateLayout::table2Column).toList();
            } else {
                columns = ordered.stream().map(f -> keywordOf(lastPart(f.column()))).toList();
            }
            String sub = lastPart(base);
            String full = Normalizer.normalize(stripNumbering(sub));
            rowList.add(new Row(table, rowLabel, keywordOf(sub), full, columns, List.copyOf(ordered),
                    table + ":" + String.join("|", columns)));
        }
        List<DerivedRow> derivedRows = new ArrayList<>();
        for (List<Figure> figures : derivedFigures) {
            String base = cutNote(figures.get(0).row());
            List<Row> parts = rowList.stream().filter(r -> r.label().startsWith(base + " / ")).toList();
            derivedRows.add(new DerivedRow(List.copyOf(figures), parts));
        }
        this.rows = List.copyOf(withShortKeywords(rowList));
        for (int i = 0; i < rows.size(); i++) {
            order.put(rows.get(i), i);
        }
        List<DerivedRow> derivedWithShortKeywords = new ArrayList<>();
        for (DerivedRow d : derivedRows) {
            derivedWithShortKeywords.add(new DerivedRow(d.figures(),
                    d.parts().stream().map(p -> this.rows.get(rowList.indexOf(p))).toList()));
        }
        this.derived = List.copyOf(derivedWithShortKeywords);
    }

    /**
     * Shortens each keyword to its first {@value #KEYWORD_LENGTH} characters, or more where that would not tell
     * it from another row's: a PDF often prints a row's values beside the first line of a wrapped label
     * (5.要求行政机关确认或重新出 0 0 0 … 具已获取信息), so only the label's beginning can be relied on.
     */
    private static List<Row> withShortKeywords(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            String keyword = row.keyword();
            int length = Math.min(KEYWORD_LENGTH, keyword.length());
            while (length < keyword.length() && sharesPrefix(rows, row, keyword.substring(0, length))) {
                length++;
            }
            out.add(new Row(row.table(), row.label(), keyword.substring(0, length), row.fullLabel(),
                    row.columnKeywords(), row.figures(), row.group()));
        }
        return out;
    }

    private static boolean sharesPrefix(List<Row> rows, Row row, String prefix) {
        return rows.stream().anyMatch(o -> o != row && o.keyword().startsWith(prefix));
    }

    String template() {
        return template;
    }

    List<Row> rows() {
        return rows;
    }

    /** The index of one of this layout's {@link #rows()}, -1 for any other row. */
    int indexOf(Row row) {
        Integer i = order.get(row);
        return i == null ? -1 : i;
    }

    List<Row> rows(Table table) {
        return rows.stream().filter(r -> r.table() == table).toList();
    }

    List<DerivedRow> derived() {
        return derived;
    }

    /** Column labels this template prints and the other does not: evidence of which template a report follows. */
    List<String> ownColumnKeywords() {
        List<String> mine = rows(Table.PUBLISHED).stream().flatMap(r -> r.columnKeywords().stream()).distinct().toList();
        String other = T2021.equals(template) ? T2019 : T2021;
        List<String> theirs = LAYOUTS.get(other) == null ? List.of()
                : LAYOUTS.get(other).rows(Table.PUBLISHED).stream().flatMap(r -> r.columnKeywords().stream()).toList();
        return mine.stream().filter(c -> !theirs.contains(c)).toList();
    }

    private static Table tableOf(String table) {
        if (table.startsWith("二")) {
            return Table.PUBLISHED;
        }
        if (table.startsWith("三")) {
            return Table.APPLICATIONS;
        }
        if (table.startsWith("四")) {
            return Table.REVIEWS;
        }
        throw new IllegalStateException("fields.csv names an unknown table: " + table);
    }

    private static String table2Column(Figure f) {
        return TABLE2_COLUMN_ORDER.stream().filter(c -> f.column().contains(c)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no known column label in " + f.column()));
    }

    /** "（六）其他处理 (2019: a single row; …)" → "（六）其他处理": the catalogue's notes follow " (". */
    private static String cutNote(String label) {
        int note = label.indexOf(" (");
        return note < 0 ? label : label.substring(0, note);
    }

    private static String lastPart(String label) {
        int slash = label.lastIndexOf(" / ");
        return slash < 0 ? label : label.substring(slash + 3);
    }

    static String stripNumbering(String label) {
        return NUMBERING.matcher(label).replaceFirst("");
    }

    /** The label without numbering, cut before its first bracket, quote or enumeration comma. */
    static String keywordOf(String label) {
        String s = Normalizer.normalize(stripNumbering(cutNote(label)));
        int cut = s.length();
        for (char c : new char[] {'(', '“', '"', '、'}) {
            int i = s.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return s.substring(0, cut);
    }
}
