package org.disclosuresearch.parse;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureEvidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Settles the cells of every {@link Reading} as the spec orders it: a row with one row-consistent cut is read;
 * among the cuts of rows left open, the column identities (balance, outcome_sum) choose — over all open rows of
 * table 三 together, and only when the other rows do not already contradict them — and then a number the narrative
 * states. Whatever is still open stays absent, with a note listing its candidates. Every figure keeps how it was
 * read ({@link FigureEvidence}).
 */
final class ReadingResolver {

    /** Open rows whose candidates are tried together; beyond this the column identities are not tried. */
    private static final int MAX_COMBINATIONS = 4096;
    private static final int CANDIDATES_IN_NOTE = 4;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** What the readings give. */
    record Resolved(Map<String, Number> figures, Map<String, FigureEvidence> evidence, List<String> notes) {
    }

    private final Checks checks;
    private final NarrativeFigures narrative;
    private final Function<Map<String, Number>, Map<String, Number>> withDerived;
    private final Map<String, Number> figures = new LinkedHashMap<>();
    private final Map<String, FigureEvidence> evidence = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param withDerived adds the figures the template derives from printed ones (2021's apps_other_*), so that the
     *                    column identities see the rows they sum over
     */
    ReadingResolver(Checks checks, NarrativeFigures narrative, Function<Map<String, Number>, Map<String, Number>> withDerived) {
        this.checks = checks;
        this.narrative = narrative;
        this.withDerived = withDerived;
    }

    Resolved resolve(List<Reading> readings) {
        List<Reading> open = new ArrayList<>();
        for (Reading r : readings) {
            List<String[]> candidates = r.split().candidates();
            if (r.split().exhausted()) {
                notes.add(r.rowName() + "：数字连在一起（" + r.printedRuns() + "），可能的拆法太多，无法确定；本行未取");
            } else if (candidates.isEmpty() && printsImpossibleMinus(r)) {
                notes.add(r.rowName() + "：印出负数（" + r.printedRuns() + "），而这一行的数不能为负（只有 2019 年模板的"
                        + "本年增/减可以）；本行未取");
            } else if (candidates.isEmpty()) {
                notes.add(r.rowName() + "：应有 " + r.figures().size() + " 个数，印出的数字（" + r.printedRuns() + "）无法拆成 "
                        + r.figures().size() + " 个数" + (r.identities().isEmpty() ? "" : "并满足本行等式") + "；本行未取");
            } else if (candidates.size() == 1) {
                accept(r, candidates.get(0), splitDetail(r, List.of()), FigureEvidence.Method.SPLIT, List.of(), null);
            } else {
                open.add(r);
            }
        }
        boolean changed = true;
        while (changed && !open.isEmpty()) {
            changed = byColumnIdentities(open) | byNarrative(open);
        }
        for (Reading r : open) {
            acceptCellsAllCutsAgreeOn(r);
            List<String> shown = r.split().candidates().stream().limit(CANDIDATES_IN_NOTE)
                    .map(c -> String.join("|", cellsAsPrinted(c))).toList();
            notes.add(r.rowName() + "：数字连在一起（" + r.printedRuns() + "），有 " + r.split().candidates().size()
                    + " 种拆法都说得通（" + String.join("；", shown) + (r.split().candidates().size() > CANDIDATES_IN_NOTE ? "…" : "")
                    + "），无法确定；本行未取");
        }
        return new Resolved(figures, evidence, notes);
    }

    /**
     * Tries the open rows of table 三 together: a combination is consistent when it fails no balance / outcome_sum
     * check. A row is settled when all consistent combinations choose the same cut for it — and only when some
     * combination passes every column check: a table that contradicts itself whatever the cut settles nothing.
     */
    private boolean byColumnIdentities(List<Reading> open) {
        List<Reading> rows = open.stream().filter(r -> r.figures().get(0).id().startsWith("apps_")).toList();
        if (rows.isEmpty()) {
            return false;
        }
        long combinations = 1;
        for (Reading r : rows) {
            combinations *= r.split().candidates().size();
            if (combinations > MAX_COMBINATIONS) {
                return false;
            }
        }
        List<int[]> choices = new ArrayList<>();
        List<Set<String>> failures = new ArrayList<>();
        int[] choice = new int[rows.size()];
        for (long n = 0; n < combinations; n++) {
            long rest = n;
            Map<String, Number> trial = new HashMap<>(figures);
            for (int i = 0; i < rows.size(); i++) {
                Reading r = rows.get(i);
                choice[i] = (int) (rest % r.split().candidates().size());
                rest /= r.split().candidates().size();
                putValues(trial, r, r.split().candidates().get(choice[i]));
            }
            Set<String> failed = new HashSet<>();
            for (String check : checks.failed(withDerived.apply(trial), Set.of())) {
                if (check.startsWith("balance:") || check.startsWith("outcome_sum:")) {
                    failed.add(check);
                }
            }
            choices.add(choice.clone());
            failures.add(failed);
        }
        Set<String> unavoidable = new HashSet<>(failures.get(0));
        Set<String> deciding = new LinkedHashSet<>();
        failures.forEach(unavoidable::retainAll);
        failures.forEach(deciding::addAll);
        deciding.removeAll(unavoidable);
        List<int[]> consistent = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            if (failures.get(i).equals(unavoidable)) {
                consistent.add(choices.get(i));
            }
        }
        if (consistent.isEmpty() || deciding.isEmpty() || !unavoidable.isEmpty()) {
            // a column check that fails whatever the cut says the table contradicts itself: then no check can be
            // trusted to tell the printed cut (the property test found 1|0|0|0|0|0|10 read as 10|0|…|10 so)
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < rows.size(); i++) {
            int first = consistent.get(0)[i];
            int row = i;
            if (consistent.stream().allMatch(c -> c[row] == first)) {
                Reading r = rows.get(i);
                List<String> used = new ArrayList<>(deciding);
                accept(r, r.split().candidates().get(first), splitDetail(r, used), FigureEvidence.Method.SPLIT, used, null);
                open.remove(r);
                changed = true;
            }
        }
        return changed;
    }

    /** A number the narrative states settles an open row when exactly one of its cuts prints that number. */
    private boolean byNarrative(List<Reading> open) {
        boolean changed = false;
        for (Reading r : List.copyOf(open)) {
            for (int c = 0; c < r.figures().size(); c++) {
                NarrativeFigures.Stated stated = narrative.get(r.figures().get(c).id());
                if (stated == null) {
                    continue;
                }
                int cell = c;
                List<String[]> matching = r.split().candidates().stream()
                        .filter(cand -> cand[cell] != null && Long.valueOf(stated.value()).equals(CellSplitter.value(cand[cell])))
                        .toList();
                if (matching.size() == 1) {
                    String detail = "由连写数字「" + r.printedRuns() + "」拆出；有 " + r.split().candidates().size()
                            + " 种拆法，正文“" + stated.sentence() + "”确定了其中一种";
                    accept(r, matching.get(0), detail, FigureEvidence.Method.NARRATIVE, List.of(), stated.sentence());
                    open.remove(r);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    /**
     * A cell that every cut of a row prints alike is determined even when the row is not (行政处罚3500 in 2019's
     * 上一年项目数量 | 本年增/减 | 处理决定数量 is 3|50|0 or 35|0|0: 处理决定数量 is 0 either way). Only for rows without
     * identities, whose candidates are every cut there is, and only when the enumeration was complete.
     */
    private void acceptCellsAllCutsAgreeOn(Reading r) {
        List<String[]> candidates = r.split().candidates();
        if (!r.identities().isEmpty() || r.split().exhausted() || candidates.size() >= CellSplitter.MAX_CANDIDATES) {
            return;
        }
        for (int c = 0; c < r.figures().size(); c++) {
            String first = candidates.get(0)[c];
            int cell = c;
            if (first == null || !candidates.stream().allMatch(cand -> first.equals(cand[cell]))) {
                continue;
            }
            Figure figure = r.figures().get(c);
            Number value = toNumber(first, figure, r.units().get(c), r.rowName());
            if (value != null) {
                figures.put(figure.id(), value);
                evidence.put(figure.id(), new FigureEvidence(FigureEvidence.Method.SPLIT, r.printedRuns(), List.of(), null,
                        "由连写数字「" + r.printedRuns() + "」拆出；本行有 " + candidates.size()
                                + " 种拆法，这一格在每种拆法中都是 " + first));
            }
        }
    }

    /** A minus sign in a row none of whose cells may be negative. */
    private static boolean printsImpossibleMinus(Reading r) {
        boolean anyNegativeAllowed = false;
        for (boolean allowed : r.negativeAllowed()) {
            anyNegativeAllowed |= allowed;
        }
        return !anyNegativeAllowed && r.runs().stream().anyMatch(run -> run.contains("-") || run.contains("\u2212"));
    }

    private String splitDetail(Reading r, List<String> columnChecks) {
        List<String> ids = new ArrayList<>(r.identities().stream().map(CellSplitter.Identity::checkId).toList());
        ids.addAll(columnChecks);
        if (r.split().shapes() <= 1 || ids.isEmpty()) {
            return "由连写数字「" + r.printedRuns() + "」拆出；只有一种拆法";
        }
        return "由连写数字「" + r.printedRuns() + "」拆出；" + r.split().shapes() + " 种拆法中只有这一种满足 "
                + String.join("、", ids);
    }

    /** Stores a settled row's values with their evidence; a row that needed no cutting is read from its cells. */
    private void accept(Reading r, String[] cells, String splitDetail, FigureEvidence.Method method,
                        List<String> columnChecks, String quote) {
        boolean cut = r.split().anySplit() || method == FigureEvidence.Method.NARRATIVE;
        List<String> identities = new ArrayList<>();
        if (r.split().shapes() > 1) {
            r.identities().forEach(i -> identities.add(i.checkId()));
        }
        identities.addAll(columnChecks);
        for (int c = 0; c < cells.length; c++) {
            Figure figure = r.figures().get(c);
            String cell = cells[c];
            if (cell == null) {
                notes.add(r.rowName() + "：总计一格空白而分项不为 0，总计未取");
                continue;
            }
            Number value = toNumber(cell, figure, r.units().get(c), r.rowName());
            if (value == null) {
                continue;
            }
            figures.put(figure.id(), value);
            if (cut) {
                evidence.put(figure.id(), new FigureEvidence(method, r.printedRuns(), identities, quote, splitDetail));
            } else if (Segment.BLANK.equals(cell)) {
                evidence.put(figure.id(), FigureEvidence.BLANK);
            }
        }
    }

    private static void putValues(Map<String, Number> into, Reading r, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            Long v = cells[c] == null ? null : CellSplitter.value(cells[c]);
            if (v != null) {
                into.put(r.figures().get(c).id(), v);
            }
        }
    }

    private static List<String> cellsAsPrinted(String[] cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            out.add(c == null ? "空" : Segment.BLANK.equals(c) ? "空白" : c);
        }
        return out;
    }

    /**
     * A cell's value in the figure's unit: counts as Long, money as 万元 (a header or cell printing 元 converts). A
     * decimal count or a negative value where none can be is left out with a note.
     */
    private Number toNumber(String printed, Figure figure, String unitText, String rowName) {
        if (Segment.BLANK.equals(printed)) {
            return figure.isDecimal() ? BigDecimal.ZERO : (Number) 0L;
        }
        String plain = printed.replace(",", "").replace('\u2212', '-');
        if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        BigDecimal value = new BigDecimal(plain);
        if (value.signum() < 0 && !figure.id().endsWith(FigureMapper.DELTA_SUFFIX)) {
            notes.add(rowName + "：" + printed + " 是负数，而这一格不能为负；未取");
            return null;
        }
        if (figure.isDecimal()) {
            boolean inYuan = unitText.contains("元") && !unitText.contains("万元");
            BigDecimal wan = inYuan ? value.divide(TEN_THOUSAND) : value;
            wan = wan.stripTrailingZeros();
            return wan.scale() < 0 ? wan.setScale(0) : wan;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            notes.add(rowName + "：" + printed + " 不是整数；未取");
            return null;
        }
    }
}
