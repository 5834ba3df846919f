package org.disclosuresearch.parse;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.FigureLabels;
import org.disclosuresearch.report.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains a report's failed checks in plain Chinese with the printed numbers ("一、本年新收政府信息公开申请数量：各类申请人之和
 * 3，总计 2"), from the same {@link Checks} rules the parser ran, so that no reader (page, CSV) re-derives a check.
 */
public final class CheckExplanations {

    /**
     * One failed check.
     *
     * @param check    its id (row_sum:new …)
     * @param parts    the figures that should add up ({@code expected} is their sum)
     * @param totals   the figures they should add up to ({@code printed} is their sum)
     * @param expected the sum of the parts as printed, or null if one was not printed
     * @param printed  the total as printed, or null
     * @param sentence one plain Chinese sentence with the numbers
     * @param otherReport for a cross-year check ({@code carry:…}), the previous report's id; else null. Its
     *                 {@code totals} are then figures of that report and {@code printed} their value there
     */
    public record Explanation(String check, List<String> parts, List<String> totals, Long expected, Long printed,
                              String sentence,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String otherReport) {

        public Explanation(String check, List<String> parts, List<String> totals, Long expected, Long printed,
                           String sentence) {
            this(check, parts, totals, expected, printed, sentence, null);
        }

        /** Every figure the check covers: its parts, then its totals. */
        @JsonProperty("cells")
        public List<String> cells() {
            List<String> cells = new ArrayList<>(parts);
            cells.addAll(totals);
            return cells;
        }
    }

    private final Checks checks;
    private final FigureCatalog catalog;

    public CheckExplanations(FigureCatalog catalog) {
        this.catalog = catalog;
        this.checks = new Checks(catalog);
    }

    public CheckExplanations() {
        this(FigureCatalog.get());
    }

    /** One explanation per failed check of the report, in its order; a check id no rule knows is said as it is. */
    public List<Explanation> of(Report report) {
        List<Explanation> out = new ArrayList<>();
        for (String id : report.failedChecks()) {
            org.disclosuresearch.report.CarryCheck carry = report.carryChecks().stream()
                    .filter(c -> c.check().equals(id)).findFirst().orElse(null);
            out.add(carry != null ? explain(carry) : explain(id, report.figures()));
        }
        return out;
    }

    /** A cross-year check: this report's figure against the previous report's, with a link to it. */
    private static Explanation explain(org.disclosuresearch.report.CarryCheck c) {
        return new Explanation(c.check(), List.of(c.figure()), List.of(c.otherFigure().split("\\+")),
                c.value().longValue(), c.otherValue().longValue(), c.sentence(), c.otherReport());
    }

    /** The failed checks as sentences joined by "；" (one CSV cell). */
    public String sentences(Report report) {
        return String.join("；", of(report).stream().map(Explanation::sentence).toList());
    }

    Explanation explain(String id, Map<String, Number> figures) {
        Optional<Checks.Rule> found = checks.rule(id);
        if (found.isEmpty()) {
            return new Explanation(id, List.of(), List.of(), null, null, "校验 " + id + " 未通过");
        }
        Checks.Rule rule = found.get();
        Long expected = rule.partsSum(figures);
        Long printed = rule.totalsSum(figures);
        return new Explanation(id, rule.parts(), rule.totals(), expected, printed, sentence(rule, expected, printed,
                figures));
    }

    private String sentence(Checks.Rule rule, Long expected, Long printed, Map<String, Number> figures) {
        String e = number(expected);
        String p = number(printed);
        return switch (rule.kind()) {
            case Checks.BALANCE -> "「" + column(rule.totals().get(0)) + "」列：本年新收 " + value(figures, rule.parts().get(0))
                    + " + 上年结转 " + value(figures, rule.parts().get(1)) + " = " + e + "，办理结果总计 "
                    + value(figures, rule.totals().get(0)) + " + 结转下年度 " + value(figures, rule.totals().get(1))
                    + " = " + p;
            case Checks.ROW_SUM -> row(rule.totals().get(0)) + "：各类申请人之和 " + e + "，总计 " + p;
            case Checks.OUTCOME_SUM -> "「" + column(rule.totals().get(0)) + "」列：各项办理结果之和 " + e + "，（七）总计 " + p;
            case Checks.REVIEW_SUM -> row(rule.totals().get(0)) + "：" + String.join("、", rule.parts().stream()
                    .map(this::column).toList()) + "之和 " + e + "，总计 " + p;
            default -> "校验 " + rule.id() + " 未通过：分项之和 " + e + "，总计 " + p;
        };
    }

    /** The row as the template prints it: "（四）无法提供 · 1.本机关不掌握相关政府信息", without the catalogue's notes. */
    private String row(String figureId) {
        return catalog.find(figureId).map(Figure::row).map(FigureLabels::withoutNote)
                .map(r -> r.replace(" / ", " · ")).orElse(figureId);
    }

    /** The innermost column label: "法人或其他组织 / 商业企业" → "商业企业". */
    private String column(String figureId) {
        return catalog.find(figureId).map(Figure::column).map(FigureLabels::withoutNote)
                .map(c -> c.substring(c.lastIndexOf(" / ") < 0 ? 0 : c.lastIndexOf(" / ") + 3)).orElse(figureId);
    }

    private static String value(Map<String, Number> figures, String id) {
        Number n = figures.get(id);
        return n == null ? "（未印）" : Long.toString(n.longValue());
    }

    private static String number(Long n) {
        return n == null ? "（未印）" : Long.toString(n);
    }
}
