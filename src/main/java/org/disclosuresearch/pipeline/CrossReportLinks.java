package org.disclosuresearch.pipeline;

import org.disclosuresearch.copies.CopyLinker;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Touched keys looked up at once when re-keying. */
    private static final int BATCH = 512;

    private final ReportSink sink;
    private final List<ReportLinker> linkers;
    /** What the sink held when the run began, for the keys of the reports replaced or deleted; null: no linking. */
    private final LinkedReports before;
    private final Map<String, Set<String>> touched = new LinkedHashMap<>();
    /** The run's agencies.csv rules when they differ from those the stored keys follow: re-key before linking. */
    private AgencyOverrides rekeyBy;
    /** Every report this stage stored again (re-keyed or relinked): their copy shares follow. */
    private final Set<String> storedAgain = ConcurrentHashMap.newKeySet();
    /** A previous report's id → the reports that follow it, as the linkers left them. */
    private final Map<String, Set<String>> followers = new ConcurrentHashMap<>();

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
     * The run's rules differ from those the stored keys follow ({@code recorded}, as the sink kept them): the keys
     * either names and the reports either names by id are re-keyed by {@code now} before linking, so that a removed
     * or changed row is undone on reports whose files did not change, and an added one applies to them.
     */
    void rulesChanged(AgencyOverrides now, AgencyOverrides recorded) throws IOException {
        if (before == null) {
            return;
        }
        rekeyBy = now;
        touch(AgencyLinker.NAME, now.touchedKeys());
        touch(AgencyLinker.NAME, recorded.touchedKeys());
        Set<String> ids = new LinkedHashSet<>(now.touchedIds());
        ids.addAll(recorded.touchedIds());
        touchIds(ids);
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
        long stored = rekey();
        for (ReportLinker linker : linkers) {
            Set<String> keys = touched.get(linker.name());
            if (keys.isEmpty()) {
                continue;
            }
            long[] count = {0};
            try (LinkedReports now = sink.linkedReports()) {
                linker.relink(keys, now, new ReportLinker.Changed() {
                    @Override
                    public void store(Report report) throws IOException {
                        sink.relinked(report);
                        storedAgain.add(report.id());
                        count[0]++;
                    }

                    @Override
                    public void computed(Report report) {
                        String before = CopyLinker.comparedWith(report);
                        if (before != null) {
                            followers.computeIfAbsent(before, id -> ConcurrentHashMap.newKeySet()).add(report.id());
                        }
                    }
                });
            }
            stored += count[0];
        }
        return stored;
    }

    /**
     * The touched reports whose agency key the run's rules now give otherwise, stored again with it (their old and
     * new keys touched, so that both agencies are relinked); made visible to the linkers' views. How many.
     */
    private long rekey() throws IOException {
        if (rekeyBy == null || !touched.containsKey(AgencyLinker.NAME)) {
            return 0;
        }
        Set<String> keys = touched.get(AgencyLinker.NAME);
        List<String> asked = new ArrayList<>(keys);
        Set<String> seen = new HashSet<>();
        long count = 0;
        try (LinkedReports now = sink.linkedReports()) {
            for (int start = 0; start < asked.size(); start += BATCH) {
                for (Report r : now.withKeys(AgencyLinker.NAME, asked.subList(start,
                        Math.min(asked.size(), start + BATCH)))) {
                    String key = rekeyBy.identityOf(r);
                    if (!seen.add(r.id()) || Objects.equals(key, r.agencyKey())) {
                        continue;
                    }
                    Report rekeyed = r.toBuilder().agencyKey(key).build();
                    sink.relinked(rekeyed);
                    storedAgain.add(r.id());
                    keys.addAll(AgencyLinker.keysOfReport(rekeyed));
                    count++;
                }
            }
        }
        if (count > 0) {
            sink.showSent();
        }
        return count;
    }

    /** The reports this stage stored again in the run (after {@link #finish()}). */
    Set<String> storedAgain() {
        return storedAgain;
    }

    /** The reports whose previous report (as the linkers left them) is one of {@code ids}. */
    Set<String> followersOf(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            out.addAll(followers.getOrDefault(id, Set.of()));
        }
        return out;
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
