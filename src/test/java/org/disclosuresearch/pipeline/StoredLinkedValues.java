package org.disclosuresearch.pipeline;

import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The values a report holds because of OTHER reports (and its agency key), compared between two real indexes: how the
 * tests show that two ways of reaching one corpus (one full run, several incremental runs, a rule added and removed)
 * store the same.
 */
final class StoredLinkedValues {
    private StoredLinkedValues() {
    }

    static final Map<String, Function<Report, Object>> VALUES;

    static {
        Map<String, Function<Report, Object>> v = new LinkedHashMap<>();
        v.put("agencyKey", Report::agencyKey);
        v.put("previous", Report::previous);
        v.put("earlier", Report::earlier);
        v.put("derivedFigures", Report::derivedFigures);
        v.put("carryChecks", Report::carryChecks);
        v.put("failedChecks", Report::failedChecks);
        v.put("agencyMissingYears", Report::agencyMissingYears);
        v.put("copies", Report::copies);
        VALUES = java.util.Collections.unmodifiableMap(v);
    }

    /** "id.value" → "a's ≠ b's" for every value of these reports that differs between the two indexes. */
    static Map<String, String> differences(Path a, Path b, Collection<String> ids) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (LuceneSearchBackend x = LuceneSearchBackend.open(a); LuceneSearchBackend y = LuceneSearchBackend.open(b)) {
            if (x.size() != y.size()) {
                out.put("size", x.size() + " ≠ " + y.size());
            }
            for (String id : ids) {
                Report rx = x.report(id).orElse(null);
                Report ry = y.report(id).orElse(null);
                if (rx == null || ry == null) {
                    out.put(id, (rx == null ? "absent" : "present") + " ≠ " + (ry == null ? "absent" : "present"));
                    continue;
                }
                VALUES.forEach((what, value) -> {
                    if (!Objects.equals(value.apply(rx), value.apply(ry))) {
                        out.put(id + "." + what, value.apply(rx) + " ≠ " + value.apply(ry));
                    }
                });
            }
        }
        return out;
    }

    /** The stored report of an index. */
    static Report report(Path index, String id) throws IOException {
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            return backend.report(id).orElseThrow();
        }
    }

    static List<String> ids(Collection<Report> reports) {
        return reports.stream().map(Report::id).toList();
    }
}
