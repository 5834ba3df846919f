package org.disclosuresearch.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures computed at index time from the read ones, never printed by a report: rates over the applications handled,
 * the correction rates of reviews and lawsuits, and the growth of new applications against the agency's previous
 * report. Each is a ratio {@code numerator / denominator (+ offset)} of sums of read figures, so that an aggregate over
 * a group can be Σ numerator / Σ denominator (a mean of ratios would weigh an agency with 2 applications like one
 * with 2,000). A ratio whose denominator is 0, negative or has a part absent is absent, never 0 or ∞.
 *
 * <p>Stored as doubles (fractions, 0.8 = 80%): the index keeps 万元 figures as doubles already, so a ratio is filtered,
 * sorted and aggregated through the same point and doc-values fields; per-mille integers would round 2/3 and lose the
 * exact Σ/Σ of an aggregate.
 */
public final class DerivedFigures {
    private DerivedFigures() {
    }

    /**
     * The counts of the report's {@link CopyShares} a copy share reads: {@code copies.sentences} (counted sentences),
     * {@code copies.previous}, {@code copies.peers}, {@code copies.copied} (how many of them other reports hold).
     */
    public static final String COPIES = "copies.";

    /** The figure of the previous report a cross-year ratio reads (its {@code denominator}). */
    public static final String PREVIOUS = "previous.";

    /**
     * One derived figure.
     *
     * @param id          its id, as a figure's (filter, sort, stats, CSV, {@code /api/fields})
     * @param name        its Chinese name
     * @param formula     how it is computed, in the template's words
     * @param numerator   figure ids summed
     * @param denominator figure ids summed ({@link #PREVIOUS} + id: the previous report's figure)
     * @param minus       figure ids taken off the denominator
     * @param offset      added to the ratio (−1 for a growth)
     */
    public record Ratio(String id, String name, String formula, List<String> numerator, List<String> denominator,
                        List<String> minus, double offset) {

        /** Whether it needs the agency's previous report. */
        public boolean crossYear() {
            return denominator.stream().anyMatch(d -> d.startsWith(PREVIOUS));
        }
    }

    /** What a copy share counts, said once for the three of them (the API's formula). */
    private static final String COPY_FORMULA = "正文叙述中至少 12 个汉字的句子（数字、年份和本机关名称、所在地名遮盖后逐字比较；"
            + "表格不计；同一年度超过 max(5, 该年度报告数×1%) 份报告共有的句子视为模板用语，不计；最相似的报告只按同年不超过 "
            + "20 份报告共有的句子计数，更常见的句子计入重复率但不标出来源报告）：";

    private static final List<String> DENIED = List.of("apps_denied_secret_total", "apps_denied_law_total",
            "apps_denied_safety_total", "apps_denied_third_party_total", "apps_denied_internal_total",
            "apps_denied_process_total", "apps_denied_enforcement_total", "apps_denied_inquiry_total");

    public static final List<Ratio> ALL = List.of(
            new Ratio("disclosure_rate", "公开率", "（予以公开 + 部分公开）÷ 办理结果总计",
                    List.of("apps_granted_total", "apps_partial_total"), List.of("apps_total_total"), List.of(), 0),
            new Ratio("denial_rate", "不予公开率", "不予公开（8 项之和）÷ 办理结果总计",
                    DENIED, List.of("apps_total_total"), List.of(), 0),
            new Ratio("not_held_share", "本机关不掌握占比", "无法提供·本机关不掌握相关政府信息 ÷ 办理结果总计",
                    List.of("apps_unable_not_held_total"), List.of("apps_total_total"), List.of(), 0),
            new Ratio("review_correction_rate", "行政复议纠错率", "行政复议结果纠正 ÷（行政复议总计 − 尚未审结）",
                    List.of("review_corrected"), List.of("review_total"), List.of("review_pending"), 0),
            new Ratio("suit_correction_rate", "行政诉讼纠错率",
                    "行政诉讼结果纠正（未经复议直接起诉 + 复议后起诉）÷（两类诉讼总计 − 尚未审结）",
                    List.of("suit_direct_corrected", "suit_after_review_corrected"),
                    List.of("suit_direct_total", "suit_after_review_total"),
                    List.of("suit_direct_pending", "suit_after_review_pending"), 0),
            new Ratio("apps_new_growth", "新收申请同比增长", "本年新收申请总计 ÷ 同一机关上一年度新收申请总计 − 1",
                    List.of("apps_new_total"), List.of(PREVIOUS + "apps_new_total"), List.of(), -1),
            new Ratio("copy_share", "重复率", COPY_FORMULA + "本机关上一份报告或同年其他机构报告中也有的句子 ÷ 可比对的句子",
                    List.of(COPIES + "copied"), List.of(COPIES + "sentences"), List.of(), 0),
            new Ratio("copy_prev_share", "与上一份报告重复率",
                    COPY_FORMULA + "本机关上一份报告（最近的较早年度）中也有的句子 ÷ 可比对的句子",
                    List.of(COPIES + "previous"), List.of(COPIES + "sentences"), List.of(), 0),
            new Ratio("copy_peer_share", "与同年他机构重复率", COPY_FORMULA + "同年其他机构报告中也有的句子 ÷ 可比对的句子",
                    List.of(COPIES + "peers"), List.of(COPIES + "sentences"), List.of(), 0));

    public static Optional<Ratio> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The numerator and denominator of a ratio for a report, or null when the ratio is absent (a part absent, a
     * denominator ≤ 0, or no previous report for a cross-year ratio).
     */
    public static double[] parts(Ratio ratio, Report report) {
        Double num = sum(ratio.numerator(), report);
        Double den = sum(ratio.denominator(), report);
        Double minus = sum(ratio.minus(), report);
        if (num == null || den == null || minus == null || den - minus <= 0) {
            return null;
        }
        return new double[] {num, den - minus};
    }

    /** Every derived figure the report has, in catalogue order. */
    public static Map<String, Double> compute(Report report) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Ratio ratio : ALL) {
            double[] p = parts(ratio, report);
            if (p != null) {
                out.put(ratio.id(), p[0] / p[1] + ratio.offset());
            }
        }
        return out;
    }

    private static Number copyCount(CopyShares c, String what) {
        if (c == null) {
            return null;
        }
        return switch (what) {
            case "sentences" -> c.sentences();
            case "previous" -> c.inPrevious();
            case "peers" -> c.inPeers();
            case "copied" -> c.copied();
            default -> throw new IllegalArgumentException("no copy count " + what);
        };
    }

    private static Double sum(List<String> ids, Report report) {
        double total = 0;
        for (String id : ids) {
            Number n;
            if (id.startsWith(COPIES)) {
                n = copyCount(report.copies(), id.substring(COPIES.length()));
            } else if (id.startsWith(PREVIOUS)) {
                n = report.previous() == null ? null : report.previous().figures().get(id.substring(PREVIOUS.length()));
            } else {
                n = report.figures().get(id);
            }
            if (n == null) {
                return null;
            }
            total += n.doubleValue();
        }
        return total;
    }
}
