package org.disclosuresearch.pipeline;

import org.disclosuresearch.parse.AgencyIdentity;
import org.disclosuresearch.parse.CarryChecks;
import org.disclosuresearch.report.EarlierReport;
import org.disclosuresearch.report.PreviousReport;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Links the reports of one agency across the years. An agency is the set of agency keys joined by stated renames (a
 * report keyed B naming a former agency A joins A and B); within it, a report's {@link Report#previous()} is the
 * report of the year before, from which its growth and carry checks follow ({@link LinkedValues}); without one, its
 * {@link Report#earlier()} is the agency's latest report of an earlier year (what copy detection compares with); and
 * every report knows the years its agency is missing between its first and last report.
 */
public final class AgencyLinker implements ReportLinker {

    public static final String NAME = "agency";
    /** Touched keys looked up at once. */
    private static final int BATCH = 512;
    /** Rename chains followed at most this deep (each round asks for the keys the last one found). */
    private static final int MAX_ROUNDS = 8;

    @Override
    public String name() {
        return NAME;
    }

    /** Its agency key and the keys of the former agencies it names (in its region). */
    @Override
    public Set<String> keysOf(Report report) {
        return keysOfStored(report);
    }

    /** {@link #keysOf} of a stored report: its agency key and its former agencies' keys. */
    public static Set<String> keysOfReport(Report report) {
        return keysOfStored(report);
    }

    static Set<String> keysOfStored(Report report) {
        Set<String> keys = new LinkedHashSet<>();
        if (report.agencyKey() != null) {
            keys.add(report.agencyKey());
        }
        for (String former : report.formerAgencies()) {
            String key = AgencyIdentity.keyOf(report.region(), former);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Override
    public void relink(Set<String> touched, LinkedReports reports, Changed changed) throws IOException {
        Set<String> done = new HashSet<>();
        List<String> pending = new ArrayList<>(touched);
        for (int start = 0; start < pending.size(); start += BATCH) {
            Set<String> batch = new LinkedHashSet<>();
            for (String key : pending.subList(start, Math.min(pending.size(), start + BATCH))) {
                if (!done.contains(key)) {
                    batch.add(key);
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            Map<String, Report> found = closure(batch, reports, done);
            for (List<Report> agency : agencies(found.values())) {
                Map<String, Report> now = new LinkedHashMap<>();
                agency.forEach(r -> now.put(r.id(), r));
                for (Report updated : link(agency)) {
                    changed.store(updated);
                    now.put(updated.id(), updated);
                }
                for (Report r : now.values()) {
                    changed.computed(r);
                }
            }
        }
    }

    /**
     * The reports as a linking sink stores them, computed in memory from reports as the write path sends them
     * ({@link IndexTimeFields}): the truth a test compares a backend with.
     */
    public static Map<String, Report> linkInMemory(java.util.Collection<Report> prepared) {
        Map<String, Report> out = new LinkedHashMap<>();
        prepared.forEach(r -> out.put(r.id(), r));
        for (List<Report> agency : agencies(prepared)) {
            for (Report updated : link(agency)) {
                out.put(updated.id(), updated);
            }
        }
        return out;
    }

    /** The reports holding the keys, and those joined to them by renames; every key asked is added to {@code asked}. */
    private static Map<String, Report> closure(Set<String> keys, LinkedReports reports, Set<String> asked)
            throws IOException {
        Map<String, Report> found = new LinkedHashMap<>();
        Set<String> toAsk = keys;
        for (int round = 0; round < MAX_ROUNDS && !toAsk.isEmpty(); round++) {
            asked.addAll(toAsk);
            Set<String> next = new LinkedHashSet<>();
            for (Report r : reports.withKeys(NAME, toAsk)) {
                if (found.putIfAbsent(r.id(), r) == null) {
                    for (String k : keysOfStored(r)) {
                        if (!asked.contains(k)) {
                            next.add(k);
                        }
                    }
                }
            }
            toAsk = next;
        }
        return found;
    }

    /** The reports grouped by agency: keys joined by renames (union-find), reports without a key left out. */
    static List<List<Report>> agencies(java.util.Collection<Report> reports) {
        Map<String, String> parent = new HashMap<>();
        for (Report r : reports) {
            List<String> keys = new ArrayList<>(keysOfStored(r));
            for (int i = 1; i < keys.size(); i++) {
                union(parent, keys.get(0), keys.get(i));
            }
        }
        Map<String, List<Report>> byRoot = new TreeMap<>();
        for (Report r : reports) {
            if (r.agencyKey() != null) {
                byRoot.computeIfAbsent(find(parent, r.agencyKey()), k -> new ArrayList<>()).add(r);
            }
        }
        return new ArrayList<>(byRoot.values());
    }

    private static String find(Map<String, String> parent, String key) {
        String root = key;
        while (parent.containsKey(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // the smaller key as root: the same agency gets the same root whichever batch finds it
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    /** The reports of one agency whose linked values change, as they must be stored now. */
    static List<Report> link(List<Report> agency) {
        TreeMap<Integer, List<Report>> byYear = new TreeMap<>();
        for (Report r : agency) {
            if (r.year() != null) {
                byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r);
            }
        }
        List<Integer> missing = new ArrayList<>();
        if (!byYear.isEmpty()) {
            for (int y = byYear.firstKey() + 1; y < byYear.lastKey(); y++) {
                if (!byYear.containsKey(y)) {
                    missing.add(y);
                }
            }
        }
        Set<String> used = CarryChecks.previousFiguresUsed();
        List<Report> changed = new ArrayList<>();
        for (Report r : agency) {
            Report before = r.year() == null ? null : previousOf(r, byYear.get(r.year() - 1));
            PreviousReport previous = null;
            if (before != null) {
                Map<String, Number> figures = new LinkedHashMap<>();
                for (String id : used) {
                    Number n = before.figures().get(id);
                    if (n != null) {
                        figures.put(id, n);
                    }
                }
                previous = new PreviousReport(before.id(), before.year(), figures);
            }
            EarlierReport earlier = null;
            if (before == null && r.year() != null) {
                Map.Entry<Integer, List<Report>> latest = byYear.lowerEntry(r.year());
                Report e = latest == null ? null : previousOf(r, latest.getValue());
                earlier = e == null ? null : new EarlierReport(e.id(), e.year());
            }
            Report updated = LinkedValues.derive(r.toBuilder().previous(previous).earlier(earlier)
                    .agencyMissingYears(missing).build());
            if (!updated.equals(r)) {
                changed.add(updated);
            }
        }
        return changed;
    }

    /** Of the agency's reports of one year, the one under the same key (else the first by id), or null. */
    private static Report previousOf(Report r, List<Report> candidates) {
        if (candidates == null) {
            return null;
        }
        return candidates.stream()
                .min(Comparator.comparing((Report c) -> !c.agencyKey().equals(r.agencyKey()))
                        .thenComparing(Report::id))
                .orElse(null);
    }
}
