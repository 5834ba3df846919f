package org.disclosuresearch.report;

/**
 * A failed cross-year check: a figure this year's report carries over from the agency's previous report disagrees
 * with what that report printed (this year's 上年结转 against last year's 结转下年度继续办理; for the 2019 template,
 * this year's 上一年项目数量 against last year's 上一年项目数量 + 本年增/减).
 *
 * @param check       the check id, {@code carry:<col>} ({@code carry:total}, {@code carry:licensing} …)
 * @param figure      this report's figure id
 * @param value       this report's value
 * @param otherReport the previous report's id
 * @param otherYear   its year
 * @param otherFigure what of it was compared: a figure id, or ids joined by {@code +}
 * @param otherValue  its value
 * @param sentence    one plain Chinese sentence saying all of the above
 */
public record CarryCheck(String check, String figure, Number value, String otherReport, Integer otherYear,
                         String otherFigure, Number otherValue, String sentence) {
}
