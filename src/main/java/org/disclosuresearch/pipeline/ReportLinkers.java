package org.disclosuresearch.pipeline;

import java.util.List;

/** The linkers every sink indexes keys for and every run calls, in order (a later one reads the earlier's output). */
public final class ReportLinkers {
    private ReportLinkers() {
    }

    public static final List<ReportLinker> ALL = List.of(new AgencyLinker());
}
