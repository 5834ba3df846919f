package org.disclosuresearch.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.disclosuresearch.parse.AgencyIdentity;
import org.disclosuresearch.report.Csv;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identities a user sets by hand in {@code agencies.csv} at the top of a docs folder: merge two agencies the
 * names do not link (a rename no report states), or split one (two reports the names would link). UTF-8, a header
 * line {@code agency,region,agencyKey}, then one row per rule:
 * <ul>
 *   <li>{@code 平潭综合实验区国有资产管理局,350128,350128:平潭综合实验区投资促进局} — every report of that agency name (compared
 *       normalized, as {@link AgencyIdentity} does) in that region (its GB/T 2260 code, as in the key) gets the key;</li>
 *   <li>{@code id:pingtan-07,,350128:国资局-2019} — the one report with that id gets the key.</li>
 * </ul>
 * A bad row is a failure naming the file and line; the other rows still apply. Lines starting with {@code #} are
 * comments.
 */
public final class AgencyOverrides {

    /** The file's name in a docs folder; the corpus walk leaves it out (it is no report). */
    public static final String FILE_NAME = "agencies.csv";
    static final String HEADER = "agency,region,agencyKey";
    private static final String ID_PREFIX = "id:";

    public static final AgencyOverrides NONE = new AgencyOverrides(Map.of(), Map.of(), List.of());

    /** name key (region code + normalized name) → key */
    private final Map<String, String> byNameKey;
    private final Map<String, String> byReportId;
    private final List<IndexSummary.Failure> problems;

    private AgencyOverrides(Map<String, String> byNameKey, Map<String, String> byReportId,
                            List<IndexSummary.Failure> problems) {
        this.byNameKey = Map.copyOf(byNameKey);
        this.byReportId = Map.copyOf(byReportId);
        this.problems = List.copyOf(problems);
    }

    /** The rules of {@code agencies.csv} in each docs folder (none where there is no such file); later folders win. */
    public static AgencyOverrides load(List<Path> docsRoots) {
        return readAll(docsRoots.stream().map(root -> root.resolve(FILE_NAME)).toList(), false);
    }

    /**
     * The rules of one agencies.csv file, wherever it is (for reports loaded from JSON Lines, which have no docs
     * folder); a file that is missing or unreadable is a problem, as a bad row is.
     */
    public static AgencyOverrides loadFile(Path file) {
        return readAll(List.of(file), true);
    }

    /** The rules of the files, later ones winning; a missing file is skipped, or a problem when {@code required}. */
    private static AgencyOverrides readAll(List<Path> files, boolean required) {
        Map<String, String> byName = new HashMap<>();
        Map<String, String> byId = new HashMap<>();
        List<IndexSummary.Failure> problems = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                read(file, byName, byId, problems);
            } else if (required) {
                problems.add(problem(file, 0, "does not exist or is not a file"));
            }
        }
        return new AgencyOverrides(byName, byId, problems);
    }

    private static void read(Path file, Map<String, String> byName, Map<String, String> byId,
                             List<IndexSummary.Failure> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(problem(file, 0, "not UTF-8 text"));
            return;
        } catch (IOException e) {
            problems.add(problem(file, 0, "cannot be read (" + e.getMessage() + ")"));
            return;
        }
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || lines.get(first).startsWith("#"))) {
            first++;
        }
        if (first == lines.size() || !lines.get(first).replace("\uFEFF", "").strip().equals(HEADER)) {
            problems.add(problem(file, first + 1, "the first line must be the header '" + HEADER + "'"));
            return;
        }
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Csv.splitLine(line).stream().map(String::strip).toList();
            int lineNumber = i + 1;
            if (cells.size() != 3) {
                problems.add(problem(file, lineNumber, "expected 3 cells (" + HEADER + "), found " + cells.size()));
                continue;
            }
            String agency = cells.get(0);
            String region = cells.get(1);
            String key = cells.get(2);
            if (key.isEmpty() || key.chars().anyMatch(Character::isISOControl)) {
                problems.add(problem(file, lineNumber, "agencyKey is empty or holds a control character"));
            } else if (agency.startsWith(ID_PREFIX)) {
                String id = agency.substring(ID_PREFIX.length()).strip();
                if (id.isEmpty()) {
                    problems.add(problem(file, lineNumber, "'id:' names no report"));
                } else {
                    byId.put(id, key);
                }
            } else if (AgencyIdentity.normalizeName(agency) == null) {
                problems.add(problem(file, lineNumber, "agency is empty: give an agency name or id:REPORT_ID"));
            } else if (!region.matches("\\d{6}")) {
                problems.add(problem(file, lineNumber, "region '" + region + "' is not a six-digit GB/T 2260 code "
                        + "(the part of an agencyKey before ':'; " + AgencyIdentity.NO_REGION + " for no region)"));
            } else {
                byName.put(region + ":" + AgencyIdentity.normalizeName(agency), key);
            }
        }
    }

    private static IndexSummary.Failure problem(Path file, int line, String what) {
        return new IndexSummary.Failure(file, "BAD_AGENCIES_CSV", file + (line > 0 ? ":" + line : "") + ": " + what);
    }

    /** The bad rows (and unreadable files), each naming the file and line. */
    public List<IndexSummary.Failure> problems() {
        return problems;
    }

    /** The key the rules give a report whose own (name and region) key is {@code nameKey}, or null when none does. */
    public String keyFor(String reportId, String nameKey) {
        String byId = reportId == null ? null : byReportId.get(reportId);
        if (byId != null) {
            return byId;
        }
        return nameKey == null ? null : byNameKey.get(nameKey);
    }

    /**
     * The report's own agency key: its name in its region ({@link AgencyIdentity#keyOf}), unless a rule here gives
     * another; null for a report without an agency name and rule.
     */
    public String identityOf(Report report) {
        String nameKey = AgencyIdentity.keyOf(report.region(), report.agency());
        String override = keyFor(report.id(), nameKey);
        return override != null ? override : nameKey;
    }

    /**
     * The keys whose reports the rules may re-key: every name key and key they name, and the report ids they name.
     * A run whose rules differ from those the stored keys follow touches the old rules' and the new rules' keys, so
     * that an edited file takes effect on reports whose files did not change.
     */
    public Set<String> touchedKeys() {
        Set<String> keys = new LinkedHashSet<>(byNameKey.keySet());
        keys.addAll(byNameKey.values());
        keys.addAll(byReportId.values());
        return keys;
    }

    /** The report ids the rules name. */
    public Set<String> touchedIds() {
        return byReportId.keySet();
    }

    public boolean isEmpty() {
        return byNameKey.isEmpty() && byReportId.isEmpty();
    }

    /**
     * The effective rules in one canonical form (JSON, sorted: the same rules in any row order, folder or spelling of
     * a name give the same text). A sink keeps the form its stored keys follow ({@link ReportSink#agencyRules()}):
     * the rules themselves, not only a hash of them, because undoing a removed row needs the keys it named.
     */
    public String canonical() {
        Map<String, Object> rules = new TreeMap<>();
        rules.put("byId", new TreeMap<>(byReportId));
        rules.put("byName", new TreeMap<>(byNameKey));
        try {
            return Json.mapper().writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // maps of strings always serialize
        }
    }

    /**
     * The rules a sink recorded ({@link #canonical()}); {@link #NONE} for null (none recorded) or a form this release
     * cannot read (then only the current rules' keys are re-keyed).
     */
    public static AgencyOverrides fromCanonical(String canonical) {
        if (canonical == null) {
            return NONE;
        }
        try {
            Map<String, Map<String, String>> rules = Json.mapper().readValue(canonical, new TypeReference<>() {
            });
            return new AgencyOverrides(rules.getOrDefault("byName", Map.of()), rules.getOrDefault("byId", Map.of()),
                    List.of());
        } catch (JsonProcessingException | RuntimeException e) {
            return NONE;
        }
    }
}
