package org.disclosuresearch.pipeline;

import org.disclosuresearch.parse.CarryChecks;
import org.disclosuresearch.report.Report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link LinkedReports} of a run that sends every report, in memory: what the linkers read of each report (its
 * outline: id, agency, region, year, former agencies, agency key and the figures a next year's report compares with),
 * so that they compute the linked values before the one write, with the same code as after a commit.
 *
 * <p>Cost: one outline a report (the record with shared empty collections, its strings, and a map of the few figures
 * {@link CarryChecks#previousFiguresUsed()} names), and its keys in a map key → report numbers.
 */
final class MemoryLinkedReports implements LinkedReports {

    private static final Set<String> FIGURES_USED = CarryChecks.previousFiguresUsed();

    private final List<Report> outlines = new ArrayList<>();
    /** linker name → key → numbers of the reports holding it */
    private final Map<String, Map<String, List<Integer>>> byKey = new HashMap<>();
    /** linker name → report id → its keys */
    private final Map<String, Map<String, Set<String>>> keysById = new HashMap<>();

    /** The outline of a report as the write path sends it (with its text, for the keys). */
    synchronized void add(Report prepared, List<ReportLinker> linkers) {
        Map<String, Number> figures = new LinkedHashMap<>();
        for (String id : FIGURES_USED) {
            Number n = prepared.figures().get(id);
            if (n != null) {
                figures.put(id, n);
            }
        }
        Report outline = Report.builder().id(prepared.id()).agency(prepared.agency()).year(prepared.year())
                .template(prepared.template()).region(prepared.region()).agencyKey(prepared.agencyKey())
                .formerAgencies(prepared.formerAgencies()).figures(figures).build();
        int number = outlines.size();
        outlines.add(outline);
        for (ReportLinker linker : linkers) {
            Set<String> keys = linker.keysOf(prepared);
            keysById.computeIfAbsent(linker.name(), n -> new HashMap<>()).put(prepared.id(), Set.copyOf(keys));
            Map<String, List<Integer>> index = byKey.computeIfAbsent(linker.name(), n -> new HashMap<>());
            for (String key : keys) {
                index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(number);
            }
        }
    }

    /** Every key of the linker: a run that sends every report recomputes every report. */
    Set<String> allKeys(String linker) {
        return byKey.getOrDefault(linker, Map.of()).keySet();
    }

    @Override
    public List<Report> withKeys(String linker, Collection<String> keys) {
        Map<String, List<Integer>> index = byKey.getOrDefault(linker, Map.of());
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String key : keys) {
            numbers.addAll(index.getOrDefault(key, List.of()));
        }
        List<Report> out = new ArrayList<>(numbers.size());
        numbers.forEach(n -> out.add(outlines.get(n)));
        return out;
    }

    @Override
    public Map<String, Set<String>> keysOf(String linker, Collection<String> ids) {
        Map<String, Set<String>> known = keysById.getOrDefault(linker, Map.of());
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String id : ids) {
            Set<String> keys = known.get(id);
            if (keys != null) {
                out.put(id, keys);
            }
        }
        return out;
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
