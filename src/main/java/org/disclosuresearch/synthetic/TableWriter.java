package org.disclosuresearch.synthetic;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the three statistical tables of a report (二, 三, 四) in the 2021 or 2019 template, in one of the extraction
 * layouts of {@link TableLayout}. Rows, columns and labels come from the figure catalogue; only the template's
 * fixed headers are written here. The crawled layout is one line without line breaks: each header, label and run of
 * cells follows the previous one directly, and the gaps between cells are lost as the page's {@link Glue} says.
 */
final class TableWriter {

    static final String TABLE_2 = "二、主动公开政府信息情况";
    static final String TABLE_3 = "三、收到和处理政府信息公开申请情况";
    static final String TABLE_4 = "四、政府信息公开行政复议、行政诉讼情况";
    private static final int WRAP = 14;

    private final FigureCatalog catalog = FigureCatalog.get();

    /**
     * How a crawled page lost the spaces between cells: the share of gaps lost (the same over the page, as one
     * portal's template does it: all of them, about half, or a few) and whether a label keeps a space before its
     * values.
     */
    record Glue(Random random, double lostGaps) {
        /** The kinds seen on the real pages: every cell glued, half of the gaps lost, cells mostly spaced. */
        private static final double[] KINDS = {1.0, 0.5, 0.1};

        static Glue of(Random random) {
            return new Glue(random, KINDS[random.nextInt(KINDS.length)]);
        }

        String cells(List<String> values) {
            StringBuilder out = new StringBuilder();
            for (String v : values) {
                if (!out.isEmpty() && random.nextDouble() >= lostGaps) {
                    out.append(' ');
                }
                out.append(v);
            }
            return out.toString();
        }

        String beforeValues() {
            return random.nextDouble() < 0.2 ? " " : "";
        }
    }

    /** Writes the tables; {@code glue} is used by the crawled layout only (null for the others). */
    String write(String template, TableLayout layout, Map<String, Number> figures, Glue glue) {
        if ((layout == TableLayout.CRAWLED) != (glue != null)) {
            throw new IllegalArgumentException("the crawled layout, and only it, needs a Glue");
        }
        StringBuilder out = new StringBuilder(8192);
        writeTable2(template, layout, figures, glue, out);
        writeTable3(template, layout, figures, glue, out);
        writeTable4(layout, figures, glue, out);
        return out.toString();
    }

    /** The template's paragraph of 第二十条 that a row of table 二 belongs to. */
    private static String article(String rowLabel) {
        return switch (rowLabel) {
            case "规章", "规范性文件", "行政规范性文件" -> "第二十条第（一）项";
            case "行政许可", "其他对外管理服务事项" -> "第二十条第（五）项";
            case "行政处罚", "行政强制" -> "第二十条第（六）项";
            case "行政事业性收费" -> "第二十条第（八）项";
            case "政府集中采购" -> "第二十条第（九）项";
            default -> throw new IllegalStateException("fields.csv: no 第二十条 paragraph known for row " + rowLabel);
        };
    }

    private void writeTable2(String template, TableLayout layout, Map<String, Number> figures, Glue glue,
                             StringBuilder out) {
        boolean crawled = layout == TableLayout.CRAWLED;
        out.append(TABLE_2).append(crawled ? "" : "\n");
        // row label -> its figures, in the order the template prints the columns (处理决定数量 last, as in 2019)
        Map<String, List<Figure>> rows = new LinkedHashMap<>();
        for (Figure f : catalog.all()) {
            if (f.table().startsWith("二") && f.printedIn(template)) {
                rows.computeIfAbsent(f.row(), k -> new ArrayList<>()).add(f);
            }
        }
        rows.values().forEach(list -> list.sort(Comparator.comparing(f -> columnLabel(f, template).contains("处理决定数量"))));
        String currentArticle = null;
        for (Map.Entry<String, List<Figure>> row : rows.entrySet()) {
            String article = article(row.getKey());
            if (!article.equals(currentArticle)) {
                currentArticle = article;
                List<String> header = new ArrayList<>(List.of("信息内容"));
                row.getValue().forEach(f -> header.add(columnLabel(f, template)));
                if (crawled) {
                    out.append(article).append(String.join("", header));
                } else if (layout == TableLayout.CELLS) {
                    out.append('\t').append(article).append("\n\n");
                    header.forEach(h -> out.append('\t').append(h).append('\n'));
                    out.append('\n');
                } else {
                    out.append(article).append("\n\n").append(String.join(" ", header)).append("\n\n");
                }
            }
            List<String> values = row.getValue().stream().map(f -> format(figures.get(f.id()))).toList();
            writeRow(layout, glue, row.getKey(), values, out);
        }
        out.append(crawled ? "" : "\n");
    }

    private void writeTable3(String template, TableLayout layout, Map<String, Number> figures, Glue glue,
                             StringBuilder out) {
        switch (layout) {
            case CELLS -> out.append(TABLE_3).append("\n\n")
                    .append("\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\t申请人情况\n\n")
                    .append("\t\n\t自然人\n\t法人或其他组织\n\t总计\n\n")
                    .append("\t\n\t\n\t商业\n企业\n\t科研\n机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t\n\n");
            case SPACED -> out.append(TABLE_3).append("\n\n")
                    .append("（本列数据的勾稽关系为：第一项加第二项之\n和，等于第三项加第四项之和）\n\n申请人情况\n\n")
                    .append("自然 法人或其他组织 总计\n 人\n商业\n\n企业\n\n科研\n\n机构\n\n社会\n公益\n组织\n\n")
                    .append("法律\n服务\n机构\n\n其他\n\n");
            case CRAWLED -> out.append(TABLE_3)
                    .append("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况")
                    .append("自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
        }
        String currentGroup = null;
        for (Figure f : catalog.all()) {
            if (!f.id().startsWith("apps_") || !f.id().endsWith("_" + FigureSampler.TOTAL) || !f.printedIn(template)) {
                continue;
            }
            String row = f.id().substring("apps_".length(), f.id().length() - FigureSampler.TOTAL.length() - 1);
            if ("2021".equals(template) && row.equals("other")) {
                continue; // 2021 prints its three sub-rows instead
            }
            String[] parts = stripNote(f.row()).split(" / ");
            String group = parts.length == 2 ? parts[0] : null;
            String label = parts[parts.length - 1];
            if (group != null && !group.equals(currentGroup)) {
                writeGroup(layout, group, out);
            }
            currentGroup = group;
            List<String> values = FigureSampler.plusTotal().stream()
                    .map(col -> format(figures.get(FigureSampler.id(row, col)))).toList();
            if (layout == TableLayout.CELLS && group != null) {
                out.append('\t').append(label).append('\n');
                values.forEach(v -> out.append('\t').append(v).append('\n'));
                out.append("\n\t\n");
            } else {
                writeRow(layout, glue, label, values, out);
            }
        }
        out.append(layout == TableLayout.CRAWLED ? "" : "\n");
    }

    private static void writeGroup(TableLayout layout, String group, StringBuilder out) {
        if (layout == TableLayout.CRAWLED) {
            out.append(group); // glued to the last cell before it and to its first sub-row
        } else if (layout == TableLayout.CELLS) {
            out.append('\t').append(group).append('\n');
        } else if (group.startsWith("三、")) {
            out.append("三、本\n年 度\n办 理\n结果\n\n");
        } else {
            // PDF cells are narrow: （三）不 / 予公开
            out.append(group, 0, 4).append('\n').append(group.substring(4)).append("\n\n");
        }
    }

    private void writeTable4(TableLayout layout, Map<String, Number> figures, Glue glue, StringBuilder out) {
        List<String> values = catalog.all().stream().filter(f -> f.table().startsWith("四"))
                .map(f -> format(figures.get(f.id()))).toList();
        String results = "结果维持结果纠正其他结果尚未审结总计";
        switch (layout) {
            case CELLS -> {
                out.append(TABLE_4).append("\n\n").append("\t行政复议\n\t行政诉讼\n\n")
                        .append("\t结果维持\n\t结果\n纠正\n\t其他\n结果\n\t尚未\n审结\n\t总计\n\t未经复议直接起诉\n\t复议后起诉\n\n")
                        .append("\t\n\t\n\t\n\t\n\t\n");
                for (int i = 0; i < 2; i++) {
                    out.append("\t结果\n维持\n\t结果\n纠正\n\t其他\n结果\n\t尚未\n审结\n\t总计\n");
                }
                out.append('\n');
                values.forEach(v -> out.append('\t').append(v).append('\n'));
                out.append('\n');
            }
            case SPACED -> {
                String vertical = String.join("\n\n", results.split("")) + "\n\n";
                out.append(TABLE_4).append("\n\n").append("行政复议 行政诉讼\n\n").append(vertical)
                        .append("未经复议直接起诉 复议后起诉\n\n").append(vertical).append(vertical)
                        .append(String.join(" ", values)).append("\n\n");
            }
            case CRAWLED -> out.append(TABLE_4).append("行政复议行政诉讼").append(results).append("未经复议直接起诉复议后起诉")
                    .append(results).append(results).append(' ').append(glue.cells(values));
        }
    }

    private static void writeRow(TableLayout layout, Glue glue, String label, List<String> values, StringBuilder out) {
        if (layout == TableLayout.CRAWLED) {
            // the next label follows the last cell directly: …政府信息40000042.没有现成…
            out.append(label).append(glue.beforeValues()).append(glue.cells(values));
            return;
        }
        if (layout == TableLayout.CELLS) {
            out.append('\t').append(label).append('\n');
            values.forEach(v -> out.append('\t').append(v).append('\n'));
        } else if (label.length() > WRAP + 2) {
            // a long label wraps in its PDF cell and the row's values follow on their own line
            for (int i = 0; i < label.length(); i += WRAP) {
                out.append(label, i, Math.min(label.length(), i + WRAP)).append('\n');
            }
            out.append('\n').append(String.join(" ", values)).append('\n');
        } else {
            out.append(label).append(' ').append(String.join(" ", values)).append('\n');
        }
        out.append('\n');
    }

    /** The template's column label: "本年处理决定数量 (2019: 处理决定数量)" reads 处理决定数量 in a 2019 report. */
    static String columnLabel(Figure f, String template) {
        String label = f.column();
        int note = label.indexOf(" (");
        if (note < 0) {
            return label;
        }
        String annotation = label.substring(note + 2, label.length() - 1);
        String prefix = template + ": ";
        return annotation.startsWith(prefix) ? annotation.substring(prefix.length()) : label.substring(0, note);
    }

    /** Drops the catalogue's English notes: "（六）其他处理 (2019: a single row; …)" is printed （六）其他处理. */
    private static String stripNote(String label) {
        int note = label.indexOf(" (");
        return note < 0 ? label : label.substring(0, note);
    }

    static String format(Number n) {
        if (n == null) {
            throw new IllegalArgumentException("a printed table cell needs a figure");
        }
        return n instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : n.toString();
    }
}
