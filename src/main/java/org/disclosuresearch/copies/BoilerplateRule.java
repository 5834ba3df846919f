package org.disclosuresearch.copies;

/**
 * When a sentence is template wording rather than copying: more than {@code max(minReports, share × reports of the
 * year)} reports of one year hold it. The share makes the rule follow the corpus: the regulation's own sentences and a
 * province's template recur in a fixed share of reports however many are indexed, while a copy is one report's
 * wording found in a few others. The floor keeps a small corpus from calling two or three equal sentences template
 * wording. Defaults (5 reports, 1%) chosen on the data: in the seeds and the real 平潭 reports no sentence is held by
 * more than 2 reports of a year; in the synthetic bench corpus (286 reports a year at 2,000) the generator's fixed
 * sentences are held by 100–250 reports of a year, its slot combinations by 2–30. The API states the default rule
 * in the copy shares' formula ({@code report.DerivedFigures}).
 */
public record BoilerplateRule(int minReports, double share) {

    public static final BoilerplateRule DEFAULT = new BoilerplateRule(5, 0.01);

    public BoilerplateRule {
        if (minReports < 1 || share < 0 || share > 1) {
            throw new IllegalArgumentException("boilerplate rule needs minReports ≥ 1 and 0 ≤ share ≤ 1");
        }
    }

    /** The most reports of a year that may hold a sentence that still counts (more is template wording). */
    public int limit(int reportsOfYear) {
        return Math.max(minReports, (int) Math.floor(share * reportsOfYear));
    }
}
