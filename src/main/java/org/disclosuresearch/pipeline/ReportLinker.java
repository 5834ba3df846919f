package org.disclosuresearch.pipeline;

import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.util.Set;

/**
 * Keeps the values of a report that depend on OTHER reports right as reports are added, changed and deleted, without
 * recomputing the corpus: a report is indexed with its keys ({@link #keysOf}); after a run, {@link CrossReportLinks}
 * hands the linker every key whose reports changed (their keys before and after), and the linker recomputes those
 * reports only. The agency linker's keys are agency keys (a report's previous year, carry checks, growth); a copy
 * detector's could be sentence hashes. Register a linker in {@link ReportLinkers}.
 */
public interface ReportLinker {

    /** A short name of letters (the sink indexes the keys under it: {@code link_<name>}). */
    String name();

    /**
     * The keys a report is found by: every report sharing one may need recomputing when it changes. A pure function
     * of the report as the write path sends it (with its text).
     */
    Set<String> keysOf(Report report);

    /**
     * Recomputes the linked values of the reports holding any of {@code touched} (and of those linked to them), and
     * hands {@code changed} the reports whose stored values are no longer right, as they must be stored now (without
     * texts: the sink keeps a report's texts and hash). A report not handed over is left as it is. Work in batches:
     * {@code touched} may hold every key of a million reports.
     */
    void relink(Set<String> touched, LinkedReports reports, Changed changed) throws IOException;

    /** Receives a relinked report. */
    interface Changed {
        void store(Report report) throws IOException;

        /**
         * Every report the linker recomputed, changed or not, with its values now (after {@link #store} for a changed
         * one): a later stage learns from it which reports follow which ({@link Report#previous()}).
         */
        default void computed(Report report) throws IOException {
        }
    }
}
