package org.disclosuresearch.parse;

import org.disclosuresearch.report.Figure;

import java.util.ArrayList;
import java.util.List;

/**
 * The row identities of one printed row, from the figure ids alone: the parts of a group sum to the group's
 * {@code _total} — row_sum for a row of table 三 (apps_new_natural … apps_new_total), review_sum for each group of
 * table 四 (review_upheld … review_total). Table 二 rows have none.
 */
final class RowIdentities {
    private static final String TOTAL = "_total";
    private static final String APPS = "apps_";
    /** Table 三's applicant columns and table 四's outcome columns: what sums to a total. */
    private static final List<String> PART_COLUMNS = List.of("natural", "business", "research", "social", "legal",
            "org_other", "upheld", "corrected", "other", "pending");

    private RowIdentities() {
    }

    static List<CellSplitter.Identity> of(List<Figure> printed) {
        List<CellSplitter.Identity> out = new ArrayList<>();
        for (int t = 0; t < printed.size(); t++) {
            String id = printed.get(t).id();
            if (!id.endsWith(TOTAL)) {
                continue;
            }
            String prefix = id.substring(0, id.length() - TOTAL.length());
            List<Integer> parts = new ArrayList<>();
            for (int p = 0; p < printed.size(); p++) {
                String other = printed.get(p).id();
                if (p != t && other.startsWith(prefix + "_") && PART_COLUMNS.contains(other.substring(prefix.length() + 1))) {
                    parts.add(p);
                }
            }
            if (!parts.isEmpty()) {
                String check = prefix.startsWith(APPS) ? "row_sum:" + prefix.substring(APPS.length()) : "review_sum:" + prefix;
                out.add(new CellSplitter.Identity(check, t, parts.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return out;
    }

}
