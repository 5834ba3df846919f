package org.disclosuresearch.pipeline;

import org.disclosuresearch.parse.AgencyRenames;
import org.disclosuresearch.report.Report;

/**
 * What the write path adds to a parsed report before any sink stores it, whatever the sink: the agency's identity
 * ({@code agencyKey}, from the name, region and {@code agencies.csv}), the former agencies the text names and the
 * derived figures of its own figures ({@link LinkedValues}). Values
 * that depend on other reports (the previous year's link, carry checks, growth) are left out here: a
 * {@link ReportLinker} sets them after the commit, so that a report parsed again starts from its own figures.
 */
public final class IndexTimeFields {
    private IndexTimeFields() {
    }

    /** The report as a sink should store it before linking. */
    public static Report apply(Report report, AgencyOverrides overrides) {
        Report.Builder b = report.toBuilder().agencyKey(overrides.identityOf(report)).previous(null)
                .earlier(null).agencyMissingYears(null);
        if (report.text() != null) {
            b.formerAgencies(AgencyRenames.formerNames(report.text(), report.agency()));
        }
        return LinkedValues.derive(b.build());
    }
}
