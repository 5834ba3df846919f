package org.disclosuresearch.parse;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spec's four check families (勾稽关系) over the figures as printed. A check runs only when every figure it
 * needs was printed; a failed check is reported by its id, the figures are never repaired.
 * <ul>
 *   <li>{@code balance:<col>}: new + carried = total + carryover</li>
 *   <li>{@code row_sum:<row>}: natural + business + research + social + legal + org_other = total</li>
 *   <li>{@code outcome_sum:<col>}: total = granted + partial + denied_* + unable_* + rejected_* + other</li>
 *   <li>{@code review_sum:<group>}: upheld + corrected + other + pending = total</li>
 * </ul>
 * Row, column and group names come from the catalogue's ids (apps_&lt;row&gt;_&lt;col&gt;, &lt;group&gt;_&lt;col&gt;).
 */
public final class Checks {

    private static final String APPS = "apps_";
    private static final String TOTAL = "total";
    private static final List<String> OUTCOME_FAMILIES = List.of("denied_", "unable_", "rejected_");

    /** Table 三 rows (new, carried, granted …) and table 四 groups (review, suit_direct …) to their column ids. */
    private final Map<String, Map<String, String>> applicationRows;
    private final Map<String, Map<String, String>> reviewGroups;

    public Checks(FigureCatalog catalog) {
        this.applicationRows = rowsOf(catalog, "三");
        this.reviewGroups = rowsOf(catalog, "四");
    }

    public Checks() {
        this(FigureCatalog.get());
    }

    /**
     * One check: the figures on its {@code parts} side must add up to those on its {@code totals} side (for balance
     * the parts are new + carried, the totals total + carryover). {@code kind} is the family, {@code key} the row,
     * column or group it runs on (the id is {@code kind:key}).
     */
    public record Rule(String kind, String key, List<String> parts, List<String> totals) {
        public Rule {
            parts = List.copyOf(parts);
            totals = List.copyOf(totals);
        }

        public String id() {
            return kind + ":" + key;
        }

        /** Sum of the parts, or null when one of them was not printed (the check then does not run). */
        public Long partsSum(Map<String, Number> figures) {
            return sum(figures, parts.toArray(String[]::new));
        }

        public Long totalsSum(Map<String, Number> figures) {
            return sum(figures, totals.toArray(String[]::new));
        }

        /** True when both sides were printed and disagree. */
        public boolean fails(Map<String, Number> figures) {
            Long left = partsSum(figures);
            Long right = totalsSum(figures);
            return left != null && right != null && !left.equals(right);
        }
    }

    public static final String BALANCE = "balance";
    public static final String ROW_SUM = "row_sum";
    public static final String OUTCOME_SUM = "outcome_sum";
    public static final String REVIEW_SUM = "review_sum";

    /**
     * @param figures      as printed (and 2021's derived apps_other_*)
     * @param derivedIds   figures the template does not print but the parser derived (their rows get no row_sum)
     */
    public List<String> failed(Map<String, Number> figures, Set<String> derivedIds) {
        return rules(derivedIds).stream().filter(r -> r.fails(figures)).map(Rule::id).toList();
    }

    /** Every check in the order {@link #failed} reports them; rows of derived figures get no row_sum. */
    public List<Rule> rules(Set<String> derivedIds) {
        List<Rule> rules = new ArrayList<>();
        List<String> columns = columnsOf(applicationRows);
        for (String col : columns) {
            addIfComplete(rules, BALANCE, col, Arrays.asList(id("new", col), id("carried", col)),
                    Arrays.asList(id(TOTAL, col), id("carryover", col)));
        }
        for (Map.Entry<String, Map<String, String>> row : applicationRows.entrySet()) {
            if (!derivedIds.contains(row.getValue().get(TOTAL))) {
                partsAndTotal(ROW_SUM, row.getKey(), row.getValue()).ifPresent(rules::add);
            }
        }
        List<String> outcomeRows = applicationRows.keySet().stream().filter(this::isOutcomeRow).toList();
        for (String col : columns) {
            addIfComplete(rules, OUTCOME_SUM, col, outcomeRows.stream().map(r -> id(r, col)).toList(),
                    Arrays.asList(id(TOTAL, col)));
        }
        for (Map.Entry<String, Map<String, String>> group : reviewGroups.entrySet()) {
            partsAndTotal(REVIEW_SUM, group.getKey(), group.getValue()).ifPresent(rules::add);
        }
        return rules;
    }

    /** The rule with this id ({@code row_sum:new} …), whatever the template derives. */
    public Optional<Rule> rule(String id) {
        return rules(Set.of()).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Adds the rule unless the catalogue lacks one of its figures (such a check could never run). */
    private static void addIfComplete(List<Rule> rules, String kind, String key, List<String> parts,
                                      List<String> totals) {
        if (!parts.contains(null) && !totals.contains(null)) {
            rules.add(new Rule(kind, key, parts, totals));
        }
    }

    /** granted, partial, every denied_/unable_/rejected_ row and the single （六）其他处理 row. */
    private boolean isOutcomeRow(String row) {
        return row.equals("granted") || row.equals("partial") || row.equals("other")
                || OUTCOME_FAMILIES.stream().anyMatch(row::startsWith);
    }

    private static Optional<Rule> partsAndTotal(String kind, String key, Map<String, String> columns) {
        String totalId = columns.get(TOTAL);
        if (totalId == null) {
            return Optional.empty();
        }
        List<String> partIds = columns.entrySet().stream().filter(e -> !e.getKey().equals(TOTAL))
                .map(Map.Entry::getValue).toList();
        return Optional.of(new Rule(kind, key, partIds, List.of(totalId)));
    }

    private String id(String row, String col) {
        Map<String, String> columns = applicationRows.get(row);
        return columns == null ? null : columns.get(col);
    }

    private static List<String> columnsOf(Map<String, Map<String, String>> rows) {
        return rows.values().stream().findFirst().map(m -> List.copyOf(m.keySet())).orElse(List.of());
    }

    /** Sum of the figures, or null when one of them was not printed (the check then does not run). */
    private static Long sum(Map<String, Number> figures, String... ids) {
        long sum = 0;
        for (String id : ids) {
            Long v = value(figures, id);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return sum;
    }

    private static Long value(Map<String, Number> figures, String id) {
        Number n = id == null ? null : figures.get(id);
        return n == null ? null : n.longValue();
    }

    /**
     * Groups a table's figures by catalogue row; the row name is the ids' common prefix (minus apps_), the column
     * name the rest: apps_denied_secret_natural → row denied_secret, column natural.
     */
    private static Map<String, Map<String, String>> rowsOf(FigureCatalog catalog, String tablePrefix) {
        Map<String, List<Figure>> byRow = new LinkedHashMap<>();
        for (Figure f : catalog.all()) {
            if (f.table().startsWith(tablePrefix)) {
                byRow.computeIfAbsent(f.row(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (List<Figure> figures : byRow.values()) {
            String prefix = commonPrefix(figures.stream().map(Figure::id).toList());
            prefix = prefix.substring(0, prefix.lastIndexOf('_') + 1);
            String rowName = prefix.substring(0, prefix.length() - 1);
            if (rowName.startsWith(APPS)) {
                rowName = rowName.substring(APPS.length());
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (Figure f : figures) {
                columns.put(f.id().substring(prefix.length()), f.id());
            }
            rows.put(rowName, columns);
        }
        return rows;
    }

    private static String commonPrefix(List<String> ids) {
        String prefix = ids.get(0);
        for (String id : ids) {
            while (!id.startsWith(prefix)) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
        }
        return prefix;
    }
}
