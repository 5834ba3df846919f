package org.disclosuresearch.pipeline;

import org.disclosuresearch.parse.AgencyRenames;
import org.disclosuresearch.report.Report;

/**
 * What the write path adds to a parsed report before any sink stores it, whatever the sink: the agency's identity
 * ({@code agencyKey}, from the name, region and {@code agencies.csv}) and the former agencies the text names. Values
 * that depend on other reports (the previous year's link, carry checks, growth) are left out here: a
 * {@link ReportLinker} sets them after the commit, so that a report parsed again starts from its own figures.
 */
public final class IndexTimeFields {
    private IndexTimeFields() {
    }

    /** The report as a sink should store it before linking. */
    public static Report apply(Report report, AgencyOverrides overrides) {
        Report.Builder b = report.toBuilder().agencyKey(overrides.identityOf(report));
        if (report.text() != null) {
            b.formerAgencies(AgencyRenames.formerNames(report.text(), report.agency()));
        }
        return b.build();
    }
}
