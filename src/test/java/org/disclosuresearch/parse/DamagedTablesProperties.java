package org.disclosuresearch.parse;

import org.disclosuresearch.synthetic.SyntheticReport;
import org.disclosuresearch.synthetic.SyntheticReportGenerator;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.ingest.Provenance;
import org.disclosuresearch.ingest.SourceDocument;
import org.disclosuresearch.ingest.TextBlock;
import org.disclosuresearch.parse.TemplateLayout.Row;
import org.disclosuresearch.parse.TemplateLayout.Table;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureEvidence;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables of both templates, damaged the way real sources damage them, parsed back: every figure is the printed one
 * or absent, never another value. Damage: neighbouring cells glued (a space lost), a whole table glued into one line
 * (labels glued to the digits on both sides, the next row's ordinal glued to the last cell: …信息40000042.没有现成…),
 * blank cells (vanished in text, empty fields in tab rows and pipe tables), header fragments that a PDF→markdown
 * tool turned into rows. About one row in twenty contradicts itself (its 总计 is not the sum of its parts), as real
 * reports do: the row identities then exclude the printed cut, and another cut may satisfy them; the parser must
 * still give no wrong figure. Each case goes through the ingestor as a .txt file (which reads tab and pipe rows as
 * grids). Plain JUnit over a seeded Random rather than jqwik: every case is reproducible from its index
 * ({@code -DdamagedTables.print=N} prints its text), and the share recovered is a measure over the whole population,
 * printed with the first failures.
 */
class DamagedTablesProperties {

    private static final long SEED = 20261202L;
    private static final int TEXT_CASES = 300;
    private static final int GRID_CASES = 200;
    /** Share of rows with a row identity printed with a 总计 that is not the sum of its parts. */
    private static final double CONTRADICTING = 0.05;
    /** Share of rows printing some of their zeros as blank cells. */
    private static final double BLANK_ROWS = 0.12;
    private static final int EXAMPLES = 12;

    private static final String TABLE2 = "二、主动公开政府信息情况";
    private static final String TABLE3 = "三、收到和处理政府信息公开申请情况";
    private static final String TABLE4 = "四、政府信息公开行政复议、行政诉讼情况";
    private static final String TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    private static final List<String> APPLICANTS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
            "其他", "总计");
    private static final List<String> OUTCOMES = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    /** How the text of the tables came to be. */
    enum Style {
        /** one row a line, values space-separated, some gaps lost */
        SPACED,
        /** a crawled portal page: the whole body one line, cells glued to each other and to the labels */
        ONE_LINE,
        /** one line, each row glued differently (pingtan-07: 本年新收政府信息公开申请数量 00 00000) */
        MIXED,
        /** tab-separated rows (HTML tables exported as text), blank cells as empty fields */
        TAB,
        /** markdown pipe tables from PDF→markdown, with header fragments turned into rows */
        PIPE
    }

    /** One printed row: what a reader must find in it. */
    private static final class PrintedRow {
        final String name;
        final List<Figure> figures;
        final List<String> cells = new ArrayList<>();
        boolean contradicting;
        /** a gap between two of its values was lost in the text */
        boolean glued;
        /** a blank cell of it left nothing in the text */
        boolean vanished;
        String rendered = "";

        PrintedRow(String name, List<Figure> figures) {
            this.name = name;
            this.figures = figures;
        }
    }

    /** One generated report: its text, what it prints, and the rows as rendered (for failure reports). */
    private record Case(int index, String template, Style style, String text, Map<String, Number> expected,
                        Map<String, PrintedRow> rowOf) {
    }

    /** Counts over a population of cases. */
    private static final class Tally {
        final Map<Style, long[]> byStyle = new EnumMap<>(Style.class); // printed, exact, absent, wrong
        long contradictingRows;
        long contradictingRowsWithWrong;
        long contradictingRowsRead;
        long wrongInContradictingRows;
        /** rows giving a wrong figure, by their damage (glued / vanished blank / self-contradicting) */
        final Map<String, Long> wrongRowsByDamage = new java.util.TreeMap<>();
        long problems;
        final List<String> examples = new ArrayList<>();

        long[] of(Style s) {
            return byStyle.computeIfAbsent(s, k -> new long[4]);
        }

        long wrong() {
            return all()[3];
        }

        long[] all() {
            long[] all = new long[4];
            byStyle.values().forEach(a -> {
                for (int i = 0; i < 4; i++) {
                    all[i] += a[i];
                }
            });
            return all;
        }

        String summary(String title) {
            StringBuilder out = new StringBuilder(title).append('\n');
            byStyle.forEach((style, a) -> out.append(String.format(
                    "  %-8s printed %6d  exact %6d (%5.1f%%)  absent %6d  wrong %d%n", style, a[0], a[1],
                    100.0 * a[1] / a[0], a[2], a[3])));
            long[] all = all();
            out.append(String.format("  %-8s printed %6d  exact %6d (%5.1f%%)  absent %6d  wrong %d%n", "all", all[0],
                    all[1], 100.0 * all[1] / Math.max(1, all[0]), all[2], all[3]));
            out.append(String.format("  self-contradicting rows: %d, read in full: %d, giving a wrong figure: %d (%.2f%%), "
                            + "wrong figures in them: %d%n", contradictingRows, contradictingRowsRead, contradictingRowsWithWrong,
                    100.0 * contradictingRowsWithWrong / Math.max(1, contradictingRows), wrongInContradictingRows));
            out.append("  rows giving a wrong figure, by damage: ").append(wrongRowsByDamage).append('\n');
            out.append("  documents refused: ").append(problems).append('\n');
            examples.forEach(e -> out.append(e).append('\n'));
            return out.toString();
        }
    }

    private final ReportParser parser = new ReportParser();
    private final ReportReader reader = new ReportReader();
    private final SyntheticReportGenerator generator = new SyntheticReportGenerator(SEED);

    /**
     * Glued cells, one-line pages, ordinals glued to the last cell, about one row in twenty contradicting itself: no
     * wrong figure in a row that is printed consistently, and most figures read.
     */
    @Test
    void damagedTextTablesGiveEveryFigureExactOrAbsent() {
        Tally tally = textTables();
        System.out.println(tally.summary("damaged text tables, " + TEXT_CASES + " reports (seed " + SEED + "):"));
        assertEquals(0, tally.wrong(), tally.summary("wrong figures:"));
        assertEquals(0, tally.problems, "every generated report is read as a report");
        assertTrue(tally.contradictingRows > 0, "the population holds self-contradicting rows");
        long[] all = tally.all();
        assertTrue(all[1] > 0.95 * all[0], "most figures are read: " + all[1] + " of " + all[0]);
    }

    /** The same population: a row whose 总计 is not the sum of its parts gives no wrong figure either. */
    @Test
    void selfContradictingRowsGiveNoWrongFigure() {
        Tally tally = textTables();
        assertEquals(0, tally.wrongInContradictingRows, tally.summary("wrong figures in self-contradicting rows:"));
        assertTrue(tally.contradictingRows > 0.03 * TEXT_CASES * 20, "about one row with an identity in twenty "
                + "contradicts itself: " + tally.contradictingRows);
    }

    /**
     * Blank cells in text: a PDF's or a crawled page's empty cell leaves nothing, so "12 7" for a three-cell row may
     * be 1|2|7 (a gap lost) or 12|空|7 (a blank lost); the parser must not choose.
     */
    @Test
    void textTablesWithVanishedBlankCellsGiveEveryFigureExactOrAbsent() {
        Tally tally = run(50_000, TEXT_CASES / 2, List.of(Style.SPACED, Style.ONE_LINE, Style.MIXED), BLANK_ROWS);
        System.out.println(tally.summary("text tables whose blank cells left nothing, " + TEXT_CASES / 2 + " reports (seed "
                + SEED + "):"));
        assertEquals(0, tally.wrong(), tally.summary("wrong figures:"));
    }

    @Test
    void tabAndPipeTablesGiveEveryFigureExactOrAbsent() {
        Tally tally = run(100_000, GRID_CASES, List.of(Style.TAB, Style.PIPE), BLANK_ROWS);
        System.out.println(tally.summary("tab and pipe tables, " + GRID_CASES + " reports (seed " + SEED + "):"));
        assertEquals(0, tally.wrong(), tally.summary("wrong figures:"));
        assertEquals(0, tally.problems, "every generated report is read as a report");
        long[] all = tally.all();
        assertTrue(all[1] > 0.95 * all[0], "grids are read cell by cell: " + all[1] + " of " + all[0]);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // minimal inputs the properties found wrong figures with; each must give the printed figures or none

    private static final String TITLE = "某市某局2021年政府信息公开工作年度报告\n";
    private static final String TABLE3_HEAD = TABLE3 + "\n";
    private static final String TABLE4_HEAD = TABLE4 + "\n行政复议 行政诉讼\n" + String.join(" ", OUTCOMES)
            + " 未经复议直接起诉 复议后起诉 " + String.join(" ", OUTCOMES) + " " + String.join(" ", OUTCOMES) + "\n";

    @Test
    void selfContradictingGluedRowIsNotReadThroughABlankTotal() throws Exception {
        // printed 19|3|0|0|1|1|37 (parts sum to 24, not 37), the last 1 glued to 37
        assertExactOrAbsent(TITLE + TABLE3_HEAD + "一、本年新收政府信息公开申请数量 19 3 0 0 1 137\n",
                Map.of("apps_new_natural", 19, "apps_new_business", 3, "apps_new_research", 0, "apps_new_social", 0,
                        "apps_new_legal", 1, "apps_new_org_other", 1, "apps_new_total", 37));
        // printed 1|0|0|0|0|0|2, the 1 glued to the first 0
        assertExactOrAbsent(TITLE + TABLE3_HEAD + "（四）无法提供\n1.本机关不掌握相关政府信息 10 0 0 0 0 2\n",
                Map.of("apps_unable_not_held_natural", 1, "apps_unable_not_held_business", 0,
                        "apps_unable_not_held_research", 0, "apps_unable_not_held_social", 0,
                        "apps_unable_not_held_legal", 0, "apps_unable_not_held_org_other", 0,
                        "apps_unable_not_held_total", 2));
        // table 四 as one row; 未经复议直接起诉 printed 0|0|0|1|4 (total off), its 1 glued to its 4
        Map<String, Number> table4 = new HashMap<>();
        long[] printed = {0, 0, 1, 0, 1, 0, 0, 0, 1, 4, 0, 0, 0, 0, 0};
        String[] groups = {"review", "suit_direct", "suit_after_review"};
        String[] results = {"upheld", "corrected", "other", "pending", "total"};
        for (int i = 0; i < printed.length; i++) {
            table4.put(groups[i / 5] + "_" + results[i % 5], printed[i]);
        }
        assertExactOrAbsent(TITLE + TABLE4_HEAD + "0 0 1 0 1 0 0 0 14 0 0 0 0 0\n", table4);
    }

    @Test
    void aCutThatFailsItsRowIdentityIsNotRead() throws Exception {
        // printed 19|3|空|空|1|1|24: the two blanks left nothing; the only 7-cut, 1|9|3|1|1|2|4, fails row_sum
        assertExactOrAbsent(TITLE + TABLE3_HEAD + "一、本年新收政府信息公开申请数量 19 3 1 1 24\n",
                Map.of("apps_new_natural", 19, "apps_new_business", 3, "apps_new_research", 0, "apps_new_social", 0,
                        "apps_new_legal", 1, "apps_new_org_other", 1, "apps_new_total", 24));
        // printed 0|0|空|0|0|0|14 (self-contradicting), glued: the only cut 0|0|0|0|0|1|4 fails row_sum
        assertExactOrAbsent(TITLE + TABLE3_HEAD + "（五）不予处理\n4.无正当理由大量反复申请000 0014\n",
                Map.of("apps_rejected_massive_natural", 0, "apps_rejected_massive_business", 0,
                        "apps_rejected_massive_research", 0, "apps_rejected_massive_social", 0,
                        "apps_rejected_massive_legal", 0, "apps_rejected_massive_org_other", 0,
                        "apps_rejected_massive_total", 14));
    }

    /**
     * Where the document shows that its blank cells left nothing (a table 三 row with six values for seven cells), a
     * table 二 row with as many digits as cells is no longer read digit by digit: a lost blank explains it as well.
     */
    @Test
    void aTable2RowWhoseBlankCellMayHaveVanishedIsNotRead() throws Exception {
        String vanished = TABLE3_HEAD + "二、上年结转政府信息公开申请数量 0 0 0 0 0 0\n";
        assertExactOrAbsent(TITLE + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                + "行政规范性文件1 39\n" + vanished, withZeroRow("carried", Map.of("normative_issued", 0,
                "normative_repealed", 1, "normative_in_force", 39)));
        assertExactOrAbsent(TITLE.replace("2021", "2019") + "二、主动公开政府信息情况\n第二十条第（一）项\n"
                + "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规范性文件 564\n" + vanished,
                withZeroRow("carried", Map.of("normative_made", 5, "normative_published", 0, "normative_public_total", 64)));
    }

    /**
     * A self-contradicting row (printed 1|0|0|0|0|0|10: parts 1, 总计 10) glued into "10000 010", in a document whose
     * blank cells leave nothing (上年结转 prints six values): its printed cut fails row_sum, two cuts with a vanished
     * blank satisfy it (空|10|0|0|0|0|10 and 10|空|0|0|0|0|10), and the balance with （七）总计 (printed 1|0|0|0|0|0|1)
     * prefers the second, which fails one check fewer: natural 10 is read where 1 is printed.
     */
    @Test
    void aSelfContradictingRowIsNotReadThroughAVanishedBlank() throws Exception {
        Map<String, Number> printed = withZeroRow("carried", Map.of("apps_new_natural", 1, "apps_new_business", 0,
                "apps_new_research", 0, "apps_new_social", 0, "apps_new_legal", 0, "apps_new_org_other", 0,
                "apps_new_total", 10));
        printed.putAll(withZeroRow("carryover", Map.of("apps_total_natural", 1, "apps_total_total", 1)));
        for (String column : List.of("business", "research", "social", "legal", "org_other")) {
            printed.put("apps_total_" + column, 0);
        }
        assertExactOrAbsent(TITLE + TABLE3_HEAD + "一、本年新收政府信息公开申请数量10000 010\n"
                + "二、上年结转政府信息公开申请数量 0 0 0 0 0 0\n（七）总计1000001\n四、结转下年度继续办理0 0 0 00 00\n", printed);
    }

    /** The figures plus a table 三 row printed as zeros (with a blank that left nothing: all its figures are 0). */
    private static Map<String, Number> withZeroRow(String row, Map<String, Integer> figures) {
        Map<String, Number> out = new HashMap<>(figures);
        for (String column : List.of("natural", "business", "research", "social", "legal", "org_other", "total")) {
            out.put("apps_" + row + "_" + column, 0);
        }
        return out;
    }

    private void assertExactOrAbsent(String text, Map<String, ? extends Number> printed) throws Exception {
        Report report = parser.parse(new SourceDocument(Path.of("minimal.txt"), "minimal.txt", "txt", 1, "0",
                List.of(new TextBlock(text)), Provenance.NONE));
        for (Map.Entry<String, Number> e : report.figures().entrySet()) {
            Number want = printed.get(e.getKey());
            assertTrue(want != null && same(want, e.getValue()), e.getKey() + ": printed " + want + ", read "
                    + e.getValue() + " (" + evidence(report, e.getKey()) + ") from «" + text + "»");
        }
    }

    /** The text population, parsed once for the tests that look at it. */
    private Tally textTables() {
        synchronized (DamagedTablesProperties.class) {
            if (textTally == null) {
                textTally = run(0, TEXT_CASES, List.of(Style.SPACED, Style.ONE_LINE, Style.MIXED), 0);
            }
            return textTally;
        }
    }

    private static Tally textTally;

    /** Each case goes the way a text file goes: written to disk, read by the ingestor (tab and pipe grids), parsed. */
    private Tally run(int first, int count, List<Style> styles, double blankRows) {
        Tally tally = new Tally();
        try {
            Path dir = Files.createTempDirectory("damaged-tables");
            Path file = dir.resolve("case.txt");
            try {
                for (int i = first; i < first + count; i++) {
                    Style style = styles.get(i % styles.size());
                    Case c = generate(i, style, blankRows);
                    if (Integer.toString(i).equals(System.getProperty("damagedTables.print"))) {
                        System.out.println("case " + i + " (" + style + "):\n" + c.text()); // -DdamagedTables.print=N
                    }
                    Files.writeString(file, c.text(), StandardCharsets.UTF_8);
                    Report report;
                    try {
                        report = reader.read(file, dir);
                    } catch (DocumentProblem p) {
                        tally.problems++;
                        continue;
                    }
                    check(c, report, tally);
                }
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tally;
    }

    private static void check(Case c, Report report, Tally tally) {
        long[] counts = tally.of(c.style());
        Map<PrintedRow, List<String>> wrongByRow = new LinkedHashMap<>();
        for (Map.Entry<String, Number> e : c.expected().entrySet()) {
            counts[0]++;
            Number got = report.figures().get(e.getKey());
            if (got == null) {
                counts[2]++;
            } else if (same(got, e.getValue())) {
                counts[1]++;
            } else {
                counts[3]++;
                tally.wrongInContradictingRows += c.rowOf().get(e.getKey()).contradicting ? 1 : 0;
                wrongByRow.computeIfAbsent(c.rowOf().get(e.getKey()), k -> new ArrayList<>())
                        .add(e.getKey() + ": printed " + e.getValue() + ", read " + got + " ("
                                + evidence(report, e.getKey()) + ")");
            }
        }
        for (Map.Entry<String, Number> e : report.figures().entrySet()) {
            if (!c.expected().containsKey(e.getKey())) {
                counts[3]++;
                wrongByRow.computeIfAbsent(null, k -> new ArrayList<>())
                        .add(e.getKey() + ": not printed, read " + e.getValue());
            }
        }
        for (PrintedRow row : c.rowOf().values().stream().distinct().toList()) {
            if (row.contradicting) {
                tally.contradictingRows++;
                tally.contradictingRowsWithWrong += wrongByRow.containsKey(row) ? 1 : 0;
                tally.contradictingRowsRead += row.figures.stream().allMatch(f -> report.figures().containsKey(f.id())) ? 1 : 0;
            }
        }
        for (Map.Entry<PrintedRow, List<String>> w : wrongByRow.entrySet()) {
            PrintedRow row = w.getKey();
            tally.wrongRowsByDamage.merge(row == null ? "unprinted figure" : damage(row), 1L, Long::sum);
            if (tally.examples.size() >= EXAMPLES) {
                continue;
            }
            tally.examples.add("  case " + c.index() + " (" + c.template() + ", " + c.style() + ")"
                    + (row == null ? "" : " row " + row.name + (row.contradicting ? " [self-contradicting]" : "")
                    + "\n    printed cells " + row.cells + "\n    as text «" + row.rendered + "»")
                    + "\n    " + String.join("\n    ", w.getValue()) + "\n    note: " + report.note());
        }
    }

    private static String damage(PrintedRow row) {
        List<String> kinds = new ArrayList<>();
        if (row.glued) {
            kinds.add("glued");
        }
        if (row.vanished) {
            kinds.add("vanished-blank");
        }
        if (row.contradicting) {
            kinds.add("self-contradicting");
        }
        return kinds.isEmpty() ? "none" : String.join("+", kinds);
    }

    private static String evidence(Report report, String id) {
        FigureEvidence e = report.figureEvidence().get(id);
        return e == null ? "cell" : e.method().json() + (e.detail() == null ? "" : ": " + e.detail());
    }

    private static boolean same(Number a, Number b) {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // generation

    private Case generate(int index, Style style, double blankRows) {
        SyntheticReport source = generator.generate(index);
        Random random = new Random(SEED * 31 + index);
        String template = source.template();
        TemplateLayout layout = TemplateLayout.of(template);
        Map<String, Number> values = new HashMap<>(source.figures());
        Map<String, PrintedRow> rowOf = new LinkedHashMap<>();
        Map<String, Number> expected = new LinkedHashMap<>();

        List<PrintedRow> table2 = new ArrayList<>();
        for (Row row : layout.rows(Table.PUBLISHED)) {
            table2.add(printed(row.label(), row.figures(), values, random, blankRows));
        }
        List<PrintedRow> table3 = new ArrayList<>();
        List<String> table3Labels = new ArrayList<>();
        // 2021 prints （六）其他处理 as its three sub-rows; the layout also knows the one-row form, which is not printed here
        List<String> derivedIds = layout.derived().stream().flatMap(d -> d.figures().stream()).map(Figure::id).toList();
        for (Row row : layout.rows(Table.APPLICATIONS)) {
            if (derivedIds.contains(row.figures().get(0).id())) {
                continue;
            }
            table3.add(printed(cutNote(row.label()), row.figures(), values, random, blankRows));
            table3Labels.add(cutNote(row.label()));
        }
        List<Figure> reviewFigures = new ArrayList<>();
        layout.rows(Table.REVIEWS).forEach(r -> reviewFigures.addAll(r.figures()));
        PrintedRow table4 = printed("四、行政复议和行政诉讼", reviewFigures, values, random, blankRows);
        List<PrintedRow> all = new ArrayList<>(table2);
        all.addAll(table3);
        all.add(table4);
        for (PrintedRow row : all) {
            for (int c = 0; c < row.figures.size(); c++) {
                String id = row.figures.get(c).id();
                expected.put(id, row.cells.get(c).isEmpty() ? 0L : parse(row.cells.get(c)));
                rowOf.put(id, row);
            }
        }
        for (TemplateLayout.DerivedRow derived : layout.derived()) {
            // 2021's （六）其他处理 is the sum of its printed sub-rows, whatever they print
            for (int c = 0; c < derived.figures().size(); c++) {
                long sum = 0;
                for (Row part : derived.parts()) {
                    sum += expected.get(part.figures().get(c).id()).longValue();
                }
                expected.put(derived.figures().get(c).id(), sum);
                rowOf.put(derived.figures().get(c).id(), rowOf.get(derived.parts().get(0).figures().get(0).id()));
            }
        }

        Renderer renderer = new Renderer(style, random);
        StringBuilder text = new StringBuilder();
        if (style == Style.ONE_LINE || style == Style.MIXED) {
            text.append("标题: ").append(source.agency()).append(source.year()).append("年政府信息公开工作年度报告\n")
                    .append("发布时间: ").append(source.published()).append(" 09:30\n")
                    .append("原文链接: https://www.example.gov.cn/zwgk/").append(index).append(".htm\n")
                    .append("==================== 正文 ====================\n");
        }
        StringBuilder body = new StringBuilder();
        body.append(source.agency()).append(source.year()).append("年政府信息公开工作年度报告").append(renderer.lineEnd());
        body.append("一、总体情况").append(renderer.lineEnd());
        if (random.nextBoolean()) {
            body.append("本年共收到政府信息公开申请").append(expected.get("apps_new_total")).append("件，均已按时答复。");
        }
        String inForce = "2021".equals(template) ? "normative_in_force" : null;
        if (inForce != null && random.nextBoolean()) {
            body.append("截至年底，现行有效规范性文件").append(expected.get(inForce)).append("件。");
        }
        body.append("我单位认真贯彻落实《中华人民共和国政府信息公开条例》。").append(renderer.lineEnd());
        renderer.table2(template, table2, body);
        renderer.table3(table3, table3Labels, body);
        renderer.table4(table4, body);
        body.append("五、存在的主要问题及改进情况").append(renderer.lineEnd()).append("公开内容还不够全面。")
                .append(renderer.lineEnd()).append("六、其他需要报告的事项").append(renderer.lineEnd()).append("无。")
                .append(renderer.lineEnd()).append(source.agency()).append(' ').append(source.year() + 1).append("年1月20日");
        text.append(body).append('\n');
        return new Case(index, template, style, text.toString(), expected, rowOf);
    }

    /** The row's cells as printed: a few rows contradict their own total, a few print their zeros as blanks. */
    private static PrintedRow printed(String name, List<Figure> figures, Map<String, Number> values, Random random,
                                      double blankRows) {
        PrintedRow row = new PrintedRow(name, figures);
        long[] cells = new long[figures.size()];
        String[] decimals = new String[figures.size()];
        for (int c = 0; c < cells.length; c++) {
            Number v = values.get(figures.get(c).id());
            if (v instanceof BigDecimal d) {
                decimals[c] = d.stripTrailingZeros().toPlainString();
            } else {
                cells[c] = v.longValue();
            }
        }
        List<CellSplitter.Identity> identities = RowIdentities.of(figures);
        if (!identities.isEmpty() && random.nextDouble() < CONTRADICTING) {
            CellSplitter.Identity id = identities.get(random.nextInt(identities.size()));
            long off = 1 + random.nextInt(random.nextBoolean() ? 3 : 30);
            cells[id.total()] = cells[id.total()] >= off && random.nextBoolean() ? cells[id.total()] - off
                    : cells[id.total()] + off;
            row.contradicting = true;
        }
        boolean blanks = random.nextDouble() < blankRows;
        for (int c = 0; c < cells.length; c++) {
            boolean blank = blanks && decimals[c] == null && cells[c] == 0 && random.nextBoolean()
                    && !isTotalBesideNonZeroParts(c, cells, identities);
            row.cells.add(blank ? "" : decimals[c] != null ? decimals[c] : Long.toString(cells[c]));
        }
        return row;
    }

    /** A blank 总计 beside non-zero parts is absent, not 0 (spec): not generated, so that every blank means 0. */
    private static boolean isTotalBesideNonZeroParts(int c, long[] cells, List<CellSplitter.Identity> identities) {
        for (CellSplitter.Identity id : identities) {
            if (id.total() == c) {
                for (int p : id.parts()) {
                    if (cells[p] != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Number parse(String printed) {
        return printed.contains(".") ? new BigDecimal(printed) : (Number) Long.parseLong(printed);
    }

    private static String cutNote(String label) {
        int note = label.indexOf(" (");
        return note < 0 ? label : label.substring(0, note);
    }

    /** The 第二十条 paragraph a row of table 二 belongs to: its heading starts a new column header. */
    private static String article(String rowKeyword) {
        return switch (rowKeyword) {
            case "规章", "规范性文件", "行政规范性文件" -> "第二十条第（一）项";
            case "行政许可", "其他对外管理服务事项" -> "第二十条第（五）项";
            case "行政处罚", "行政强制" -> "第二十条第（六）项";
            case "行政事业性收费" -> "第二十条第（八）项";
            default -> "第二十条第（九）项";
        };
    }

    /** Writes tables in one style, with that style's damage. */
    private static final class Renderer {
        private final Style style;
        private final Random random;
        /** ONE_LINE: the share of gaps between values that are lost, the same for the whole page. */
        private final double pageGlue;

        Renderer(Style style, Random random) {
            this.style = style;
            this.random = random;
            double[] glues = {1.0, 0.5, 0.15};
            this.pageGlue = glues[random.nextInt(glues.length)];
        }

        boolean oneLine() {
            return style == Style.ONE_LINE || style == Style.MIXED;
        }

        String lineEnd() {
            return oneLine() ? "" : "\n";
        }

        void table2(String template, List<PrintedRow> rows, StringBuilder out) {
            out.append(TABLE2).append(lineEnd());
            String article = null;
            for (PrintedRow row : rows) {
                String a = article(row.name);
                if (!a.equals(article)) {
                    article = a;
                    List<String> header = new ArrayList<>(List.of("信息内容"));
                    for (Figure f : row.figures) {
                        String column = TemplateLayout.TABLE2_COLUMN_ORDER.stream().filter(f.column()::contains)
                                .findFirst().orElseThrow();
                        header.add(column + (f.isDecimal() && "2021".equals(template) ? "（单位：万元）" : ""));
                    }
                    headerRow(a, header, out);
                }
                row(row.name, row, out);
            }
        }

        void table3(List<PrintedRow> rows, List<String> labels, StringBuilder out) {
            out.append(TABLE3).append(lineEnd());
            switch (style) {
                case PIPE -> {
                    // a PDF→markdown export keeps the two-level column header as rows of fragments
                    out.append("| ").append(TABLE3_NOTE).append(" | 申请人情况 |  |  |  |  |  |  |\n")
                            .append("|---|---|---|---|---|---|---|---|\n")
                            .append("|  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n")
                            .append("|  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |\n");
                }
                case TAB -> out.append(TABLE3_NOTE).append("\t申请人情况\n\t自然人\t法人或其他组织\t\t\t\t\t总计\n")
                        .append("\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n");
                default -> out.append(TABLE3_NOTE).append(lineEnd()).append("申请人情况").append(oneLine() ? "" : "\n")
                        .append(String.join(oneLine() ? "" : " ", List.of("自然人", "法人或其他组织", "总计", "商业企业",
                                "科研机构", "社会公益组织", "法律服务机构", "其他"))).append(lineEnd());
            }
            String group = null;
            for (int i = 0; i < rows.size(); i++) {
                String[] parts = labels.get(i).split(" / ");
                String g = parts.length == 2 ? parts[0] : null;
                String label = parts[parts.length - 1];
                if (g != null && !g.equals(group)) {
                    groupRow(g, out);
                }
                group = g;
                row(label, rows.get(i), out);
            }
        }

        void table4(PrintedRow row, StringBuilder out) {
            out.append(TABLE4).append(lineEnd());
            List<String> header = new ArrayList<>();
            switch (style) {
                case PIPE -> {
                    out.append("| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n")
                            .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
                            .append("|  |  |  |  |  | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |\n");
                    for (int g = 0; g < 3; g++) {
                        header.addAll(OUTCOMES);
                    }
                    out.append("| ").append(String.join(" | ", header)).append(" |\n");
                    out.append("| ").append(String.join(" | ", row.cells)).append(" |\n");
                    row.rendered = "| " + String.join(" | ", row.cells) + " |";
                    return;
                }
                case TAB -> {
                    out.append("行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n");
                    for (int g = 0; g < 3; g++) {
                        header.addAll(OUTCOMES);
                    }
                    out.append(String.join("\t", header)).append('\n');
                    row.rendered = String.join("\t", row.cells);
                    out.append(row.rendered).append('\n');
                    return;
                }
                default -> {
                    String sep = oneLine() ? "" : " ";
                    out.append("行政复议").append(sep).append("行政诉讼").append(lineEnd());
                    out.append(String.join(sep, OUTCOMES)).append(sep).append("未经复议直接起诉").append(sep)
                            .append("复议后起诉").append(sep).append(String.join(sep, OUTCOMES)).append(sep)
                            .append(String.join(sep, OUTCOMES)).append(oneLine() ? " " : "\n");
                    row.rendered = values(row, glue());
                    out.append(row.rendered).append(lineEnd());
                }
            }
        }

        private void headerRow(String article, List<String> header, StringBuilder out) {
            switch (style) {
                case PIPE -> out.append("| ").append(article).append(" |").append(" |".repeat(header.size() - 1))
                        .append('\n').append("|---".repeat(header.size())).append("|\n")
                        .append("| ").append(String.join(" | ", header)).append(" |\n");
                case TAB -> out.append(article).append('\n').append(String.join("\t", header)).append('\n');
                case SPACED -> out.append(article).append('\n').append(String.join(" ", header)).append('\n');
                default -> out.append(article).append(String.join("", header));
            }
        }

        private void groupRow(String group, StringBuilder out) {
            switch (style) {
                case PIPE -> out.append("| ").append(group).append(" |  |  |  |  |  |  |  |\n");
                case TAB -> out.append(group).append('\n');
                case SPACED -> out.append(group).append('\n');
                default -> out.append(group);
            }
        }

        private void row(String label, PrintedRow row, StringBuilder out) {
            switch (style) {
                case PIPE -> {
                    String[] split = splitLabel(label);
                    if (split != null) {
                        // the label wrapped in its PDF cell: its first line became a row of its own
                        out.append("| ").append(split[0]).append(" |").append(" |".repeat(row.cells.size())).append('\n');
                        label = split[1];
                    }
                    row.rendered = "| " + label + " | " + String.join(" | ", row.cells) + " |";
                }
                case TAB -> row.rendered = label + "\t" + String.join("\t", row.cells);
                case SPACED -> row.rendered = label + " " + values(row, random.nextDouble() < 0.3 ? 0.3 : 0);
                default -> row.rendered = label + (random.nextDouble() < 0.3 ? " " : "") + values(row, glue());
            }
            out.append(row.rendered).append(style == Style.ONE_LINE || style == Style.MIXED ? "" : "\n");
        }

        /** A long label cut where a PDF cell would wrap it, sometimes. */
        private String[] splitLabel(String label) {
            if (label.length() < 12 || random.nextDouble() > 0.3) {
                return null;
            }
            int at = 6 + random.nextInt(label.length() - 8);
            return new String[] {label.substring(0, at), label.substring(at)};
        }

        private double glue() {
            return style == Style.MIXED ? random.nextDouble() : pageGlue;
        }

        /** The non-blank cells (a blank leaves nothing in text), each gap lost with the given probability. */
        private String values(PrintedRow row, double glue) {
            StringBuilder out = new StringBuilder();
            for (String cell : row.cells) {
                if (cell.isEmpty()) {
                    row.vanished = true;
                    continue;
                }
                if (!out.isEmpty()) {
                    if (random.nextDouble() >= glue) {
                        out.append(' ');
                    } else {
                        row.glued = true;
                    }
                }
                out.append(cell);
            }
            return out.toString();
        }
    }
}
