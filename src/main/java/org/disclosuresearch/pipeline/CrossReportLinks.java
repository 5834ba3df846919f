package org.disclosuresearch.pipeline;

import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write path's last stage: it learns, as reports are sent and deleted, which keys of each {@link ReportLinker}
 * they had before and have now; after the run's commit it lets each linker recompute the reports holding those keys,
 * stores the reports whose linked values changed, and commits again. Cost follows the change, not the corpus: an
 * unchanged report is neither read nor written. A sink that cannot read its reports back
 * ({@link ReportSink#linkedReports()} null) gets no linked values.
 */
final class CrossReportLinks {

    private final ReportSink sink;
    private final List<ReportLinker> linkers;
    /** What the sink held when the run began, for the keys of the reports replaced or deleted; null: no linking. */
    private final LinkedReports before;
    private final Map<String, Set<String>> touched = new LinkedHashMap<>();

    private CrossReportLinks(ReportSink sink, List<ReportLinker> linkers, LinkedReports before) {
        this.sink = sink;
        this.linkers = linkers;
        this.before = before;
        for (ReportLinker linker : linkers) {
            touched.put(linker.name(), ConcurrentHashMap.newKeySet());
        }
    }

    static CrossReportLinks open(ReportSink sink, List<ReportLinker> linkers) throws IOException {
        return new CrossReportLinks(sink, linkers, sink.linkedReports());
    }

    /** No linking in this run ({@code index --no-links}): reports keep the linked values they were stored with. */
    static CrossReportLinks none(ReportSink sink) {
        return new CrossReportLinks(sink, List.of(), null);
    }

    boolean enabled() {
        return before != null;
    }

    /** A report about to be sent (as the sink will store it): its keys now and the stored version's. */
    void sending(Report report) throws IOException {
        if (before == null) {
            return;
        }
        for (ReportLinker linker : linkers) {
            Set<String> keys = touched.get(linker.name());
            keys.addAll(linker.keysOf(report));
            if (report.id() != null) {
                before.keysOf(linker.name(), List.of(report.id())).values().forEach(keys::addAll);
            }
        }
    }

    /** A report about to be deleted: its stored keys. */
    void deleting(String id) throws IOException {
        if (before == null) {
            return;
        }
        for (ReportLinker linker : linkers) {
            before.keysOf(linker.name(), List.of(id)).values().forEach(touched.get(linker.name())::addAll);
        }
    }

    /** The stored keys of these reports, to recompute whatever was sent (agencies.csv's rules by report id). */
    void touchIds(java.util.Collection<String> ids) throws IOException {
        if (before == null || ids.isEmpty()) {
            return;
        }
        for (ReportLinker linker : linkers) {
            before.keysOf(linker.name(), ids).values().forEach(touched.get(linker.name())::addAll);
        }
    }

    /** Keys to recompute whatever was sent (agencies.csv's rules, which may re-key unchanged reports). */
    void touch(String linker, Set<String> keys) {
        if (before != null && touched.containsKey(linker)) {
            touched.get(linker).addAll(keys);
        }
    }

    /**
     * After the run's commit: each linker in turn recomputes what the touched keys reach and stores the changed
     * reports (a later linker reads them through the sink's view of what was sent, committed or not); the caller
     * commits once. The number of reports stored again.
     */
    long finish() throws IOException {
        if (before == null) {
            return 0;
        }
        before.close();
        long stored = 0;
        for (ReportLinker linker : linkers) {
            Set<String> keys = touched.get(linker.name());
            if (keys.isEmpty()) {
                continue;
            }
            long[] count = {0};
            try (LinkedReports now = sink.linkedReports()) {
                linker.relink(keys, now, report -> {
                    sink.relinked(report);
                    count[0]++;
                });
            }
            stored += count[0];
        }
        return stored;
    }

    /** Closes the view of a run that failed before {@link #finish()}. */
    void abandon() {
        if (before != null) {
            try {
                before.close();
            } catch (IOException ignored) {
                // a failed run's view: nothing to keep
            }
        }
    }
}
