package org.disclosuresearch.api;

import org.disclosuresearch.pipeline.AgencyLinker;
import org.disclosuresearch.report.CarryCheck;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.SearchBackend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One agency across the years, as {@code GET /api/agencies/{agencyKey}} gives it: the reports of the key and of every
 * key joined to it by a stated rename (the agency linker's grouping), in year order, and the series of the figures
 * asked for. A year without a report is a gap (value null), never 0; so is a figure a report does not print.
 *
 * @param agencyKey    the key asked for
 * @param agencyKeys   every key of the agency (the one asked, and those joined to it by renames)
 * @param names        every name its reports give, oldest first
 * @param region       the region of its newest report
 * @param reports      its reports, in year order (then id)
 * @param firstYear    the year of its first report, or null
 * @param lastYear     the year of its last
 * @param missingYears the years between those without a report
 * @param series       per figure asked for, one point per year from the first to the last
 */
public record AgencyView(String agencyKey, List<String> agencyKeys, List<String> names, Region region,
                         List<ReportRef> reports, Integer firstYear, Integer lastYear, List<Integer> missingYears,
                         Map<String, List<Point>> series) {

    /** A report of the agency: enough to link to it and to show its failed checks. */
    public record ReportRef(String id, Integer year, String agency, String agencyKey, String template,
                            List<String> failedChecks, List<CarryCheck> carryChecks) {
    }

    /**
     * One year of a series.
     *
     * @param report the report of that year (null: none, the year is missing)
     * @param value  the figure (null: no report, or the report does not print it)
     * @param change value − the previous year's value (null when either is null)
     */
    public record Point(int year, String report, Number value, Double change) {
    }

    /** Reports read per agency at most (a key shared by thousands of reports is no agency). */
    static final int MAX_REPORTS = 500;
    private static final int MAX_ROUNDS = 8;

    /** The agency of {@code key}, or empty when no report holds it. */
    static Optional<AgencyView> of(SearchBackend backend, String key, List<String> figures) {
        Map<String, Report> found = new LinkedHashMap<>();
        Set<String> asked = new LinkedHashSet<>();
        Set<String> toAsk = Set.of(key);
        for (int round = 0; round < MAX_ROUNDS && !toAsk.isEmpty() && found.size() < MAX_REPORTS; round++) {
            asked.addAll(toAsk);
            Set<String> next = new LinkedHashSet<>();
            for (Report r : backend.linkedReports(AgencyLinker.NAME, toAsk, MAX_REPORTS)) {
                if (found.putIfAbsent(r.id(), r) == null) {
                    for (String k : AgencyLinker.keysOfReport(r)) {
                        if (!asked.contains(k)) {
                            next.add(k);
                        }
                    }
                }
            }
            toAsk = next;
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Report> reports = new ArrayList<>(found.values());
        reports.sort(Comparator.comparing((Report r) -> r.year() == null ? Integer.MAX_VALUE : r.year())
                .thenComparing(Report::id));
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        TreeMap<Integer, Report> byYear = new TreeMap<>();
        for (Report r : reports) {
            if (r.agencyKey() != null) {
                keys.add(r.agencyKey());
            }
            if (r.agency() != null) {
                names.add(r.agency());
            }
            if (r.year() != null) {
                byYear.putIfAbsent(r.year(), r);
            }
        }
        Integer first = byYear.isEmpty() ? null : byYear.firstKey();
        Integer last = byYear.isEmpty() ? null : byYear.lastKey();
        List<Integer> missing = new ArrayList<>();
        Map<String, List<Point>> series = new LinkedHashMap<>();
        for (String figure : figures) {
            series.put(figure, new ArrayList<>());
        }
        if (first != null) {
            for (int y = first; y <= last; y++) {
                Report r = byYear.get(y);
                if (r == null) {
                    missing.add(y);
                }
                for (String figure : figures) {
                    List<Point> points = series.get(figure);
                    Number value = r == null ? null : r.figureOrDerived(figure);
                    Number before = points.isEmpty() ? null : points.get(points.size() - 1).value();
                    Double change = value == null || before == null ? null : value.doubleValue() - before.doubleValue();
                    points.add(new Point(y, r == null ? null : r.id(), value, change));
                }
            }
        }
        List<ReportRef> refs = reports.stream().map(r -> new ReportRef(r.id(), r.year(), r.agency(), r.agencyKey(),
                r.template(), r.failedChecks(), r.carryChecks())).toList();
        Region region = reports.get(reports.size() - 1).region();
        return Optional.of(new AgencyView(key, List.copyOf(keys), List.copyOf(names), region, refs, first, last,
                missing, series));
    }
}
