package org.disclosuresearch.synthetic;

/**
 * How often the synthetic narrative repeats clauses. The sentence templates alone repeat nearly every clause (97% of
 * clauses seen before in the corpus); real reports repeat about 60% (measured by {@code ClauseRepetitionMeasurement}
 * over the seeds and the real reports). The realistic setting rewrites a share of the template clauses so that the
 * synthetic corpus repeats at the real rate, which is what the indexer's clause cache meets in practice.
 */
public enum Repetition {
    /** Template clauses as they are: the corpus of generator version 2 (about 97% of clauses repeated). */
    TEMPLATES(0),
    /** About the real reports' rate (at 17 reports, as many as the real ones: 61% of clauses repeated, 33% of clause characters; the real ones 59.5% and 34.1%). */
    REALISTIC(0.65);

    /** The probability that a clause of a template sentence is rewritten into a clause not seen before. */
    final double varyShare;

    Repetition(double varyShare) {
        this.varyShare = varyShare;
    }

    /** The knob's value from a command line: {@code realistic} or {@code templates}. */
    public static Repetition parse(String value) {
        for (Repetition r : values()) {
            if (r.name().equalsIgnoreCase(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("--repetition: expected realistic or templates, got " + value);
    }
}
