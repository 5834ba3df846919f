package org.disclosuresearch.parse;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * @param figures      as printed (and 2021's derived apps_other_*)
     * @param derivedIds   figures the template does not print but the parser derived (their rows get no row_sum)
     */
    public List<String> failed(Map<String, Number> figures, Set<String> derivedIds) {
        List<String> failed = new ArrayList<>();
        List<String> columns = columnsOf(applicationRows);
        for (String col : columns) {
            Long left = sum(figures, id("new", col), id("carried", col));
            Long right = sum(figures, id(TOTAL, col), id("carryover", col));
            if (left != null && right != null && !left.equals(right)) {
                failed.add("balance:" + col);
            }
        }
        for (Map.Entry<String, Map<String, String>> row : applicationRows.entrySet()) {
            if (derivedIds.contains(row.getValue().get(TOTAL))) {
                continue;
            }
            addIfPartsDisagree(failed, "row_sum:" + row.getKey(), figures, row.getValue());
        }
        List<String> outcomeRows = applicationRows.keySet().stream().filter(this::isOutcomeRow).toList();
        for (String col : columns) {
            Long total = value(figures, id(TOTAL, col));
            Long parts = sum(figures, outcomeRows.stream().map(r -> id(r, col)).toArray(String[]::new));
            if (total != null && parts != null && !total.equals(parts)) {
                failed.add("outcome_sum:" + col);
            }
        }
        for (Map.Entry<String, Map<String, String>> group : reviewGroups.entrySet()) {
            addIfPartsDisagree(failed, "review_sum:" + group.getKey(), figures, group.getValue());
        }
        return failed;
    }

    /** granted, partial, every denied_/unable_/rejected_ row and the single （六）其他处理 row. */
    private boolean isOutcomeRow(String row) {
        return row.equals("granted") || row.equals("partial") || row.equals("other")
                || OUTCOME_FAMILIES.stream().anyMatch(row::startsWith);
    }

    private static void addIfPartsDisagree(List<String> failed, String checkId, Map<String, Number> figures,
                                           Map<String, String> columns) {
        String totalId = columns.get(TOTAL);
        if (totalId == null) {
            return;
        }
        String[] partIds = columns.entrySet().stream().filter(e -> !e.getKey().equals(TOTAL))
                .map(Map.Entry::getValue).toArray(String[]::new);
        Long total = value(figures, totalId);
        Long parts = sum(figures, partIds);
        if (total != null && parts != null && !total.equals(parts)) {
            failed.add(checkId);
        }
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
