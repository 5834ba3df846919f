package org.disclosuresearch.pipeline;

import org.disclosuresearch.copies.BoilerplateRule;
import org.disclosuresearch.copies.CopyLinker;
import org.disclosuresearch.copies.CopyStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copy detection in one run of the write path: before a report is replaced or deleted, what its old version held
 * (read from the state before the run); after the run's commit, the affected reports recomputed
 * ({@link CopyLinker}) and only those whose shares changed stored again, then committed. A sink without a
 * {@link CopyStore} keeps no copy shares.
 */
final class CopyRelinking {

    /** One line per run with what copy detection cost (its share of an index run is the benchmark's question). */
    private static final System.Logger LOG = System.getLogger(CopyRelinking.class.getName());

    private final ReportSink sink;
    private final int threads;
    private final CopyLinker linker = new CopyLinker(BoilerplateRule.DEFAULT);
    private final CopyStore before;
    private final Set<String> storedIds;
    private final List<CopyLinker.Version> oldVersions = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    private final boolean enabled;

    /**
     * @param storedIds the ids the sink held when the run began: only those have an old version
     * @param enabled   false in a run without linking ({@code index --no-links}): reports keep their stored shares
     */
    CopyRelinking(ReportSink sink, int threads, Set<String> storedIds, boolean enabled) throws IOException {
        this.sink = sink;
        this.threads = threads;
        this.storedIds = storedIds;
        this.enabled = enabled;
        this.before = storedIds.isEmpty() || !enabled ? null : sink.copyStore();
    }

    /** Called before the report with this id is sent again or deleted. */
    void changing(String id) throws IOException {
        if (id == null || !enabled) {
            return; // refused by the sink as a failure of that report, or no linking in this run
        }
        changed.add(id);
        if (before != null && storedIds.contains(id)) {
            CopyLinker.Version old = CopyLinker.versionOf(before, id);
            if (old != null) {
                oldVersions.add(old);
            }
        }
    }

    /** Closes the view of a run that failed before {@link #relink()}. */
    void abandon() {
        if (before != null) {
            try {
                before.close();
            } catch (IOException ignored) {
                // a failed run's view: nothing to keep
            }
        }
    }

    /**
     * After the run's commit and the agency linker: recomputes the affected reports and stores those whose shares
     * changed; the caller commits.
     *
     * @param links the agency linker's part of the run: the reports it stored again (re-keyed, or another previous
     *              report) and those following a changed report, whose previous report's sentences may have changed
     * @return how many reports were stored again
     */
    int relink(CrossReportLinks links) throws IOException {
        if (before != null) {
            before.close();
        }
        if (!enabled) {
            return 0;
        }
        Set<String> changed = new LinkedHashSet<>(this.changed);
        changed.addAll(links.followersOf(this.changed));
        changed.addAll(links.storedAgain());
        if (changed.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        AtomicInteger stored = new AtomicInteger();
        int affectedCount;
        // the cross-report mechanism's view: relinked() keeps each report's texts, hash and indexing time from it
        try (CopyStore after = sink.copyStore(); LinkedReports view = sink.linkedReports()) {
            if (after == null || view == null) {
                return 0;
            }
            List<String> affected = new ArrayList<>(linker.affected(after, oldVersions, changed));
            affectedCount = affected.size();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, "copy-relink");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                int slice = Math.max(1, (affected.size() + threads - 1) / Math.max(1, threads));
                for (int from = 0; from < affected.size(); from += slice) {
                    List<String> part = affected.subList(from, Math.min(affected.size(), from + slice));
                    futures.add(pool.submit(() -> {
                        for (String id : part) {
                            CopyStore.Stored relinked = linker.relink(after, id);
                            if (relinked != null) {
                                sink.relinked(relinked.report().withoutTexts());
                                stored.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                throw new IOException("copy detection failed: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("copy detection interrupted; the last commit stays usable", e);
            } finally {
                pool.shutdownNow();
            }
        }
        LOG.log(System.Logger.Level.INFO, String.format("copy detection: %d reports changed, %d affected, %d stored "
                + "again, %.1f s", changed.size(), affectedCount, stored.get(), (System.nanoTime() - started) / 1e9));
        return stored.get();
    }
}
