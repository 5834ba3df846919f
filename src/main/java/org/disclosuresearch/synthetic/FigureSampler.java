package org.disclosuresearch.synthetic;

import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Plausible figures for one report: skewed (most agencies print zeros, a few print thousands) and consistent, so that
 * the template's checks pass, except in a small share of reports where one row's 总计 disagrees with its parts, as in
 * real reports (seed 004). Every id comes from the catalogue; the result is what the parser must read back.
 */
final class FigureSampler {

    static final List<String> COLUMNS = List.of("natural", "business", "research", "social", "legal", "org_other");
    static final String TOTAL = "total";
    /** Shares of the applicant columns: natural persons file most applications. */
    private static final double[] COLUMN_SHARE = {0.74, 0.14, 0.01, 0.01, 0.06, 0.04};
    /** Relative frequency of each outcome row; rows of one template that are missing here get a small default. */
    private static final Map<String, Double> OUTCOME_WEIGHT = Map.ofEntries(
            Map.entry("granted", 45.0), Map.entry("partial", 8.0), Map.entry("denied_third_party", 2.0),
            Map.entry("denied_internal", 2.0), Map.entry("denied_process", 2.0), Map.entry("denied_inquiry", 2.0),
            Map.entry("unable_not_held", 20.0), Map.entry("unable_need_create", 3.0), Map.entry("unable_unclear", 3.0),
            Map.entry("rejected_petition", 4.0), Map.entry("rejected_duplicate", 2.0), Map.entry("other", 5.0),
            Map.entry("other_no_correction", 3.0), Map.entry("other_other", 2.0));
    private static final double DEFAULT_OUTCOME_WEIGHT = 0.5;
    /** Share of reports printed with one inconsistent row 总计. */
    static final double INCONSISTENT_SHARE = 0.04;

    private final FigureCatalog catalog = FigureCatalog.get();

    /** The figures of a report and the check ids its figures fail. */
    record Sample(Map<String, Number> figures, Set<String> failedChecks) {
    }

    Sample sample(String template, Random random) {
        Map<String, Number> values = new HashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        sampleActiveDisclosure(template, random, values);
        sampleApplications(template, random, values, failed);
        sampleReviews(random, values);
        Map<String, Number> ordered = new LinkedHashMap<>();
        for (Figure f : catalog.all()) {
            if (values.containsKey(f.id())) {
                ordered.put(f.id(), values.get(f.id()));
            }
        }
        return new Sample(ordered, failed);
    }

    /** Table 二: counts of documents and decisions, and money in 万元. */
    private void sampleActiveDisclosure(String template, Random random, Map<String, Number> values) {
        for (Figure f : catalog.all()) {
            if (!f.table().startsWith("二") || !f.printedIn(template)) {
                continue;
            }
            String id = f.id();
            if (f.isDecimal()) {
                values.put(id, money(random, id.startsWith("fees") ? 0.85 : 0.5));
            } else if (id.endsWith("_delta")) {
                continue; // derived from the item counts below
            } else if (id.startsWith("regulations")) {
                values.put(id, skewed(random, 0.9, 2));
            } else if (id.startsWith("normative")) {
                values.put(id, skewed(random, 0.35, id.contains("force") || id.contains("total") ? 40 : 6));
            } else if (id.endsWith("_prev_items") || id.equals("procurement_items")) {
                values.put(id, skewed(random, 0.4, 30));
            } else if (id.equals("licensing") || id.equals("other_services")) {
                values.put(id, skewed(random, 0.55, 300));
            } else if (id.equals("penalties")) {
                values.put(id, skewed(random, 0.5, 60));
            } else {
                values.put(id, skewed(random, 0.8, 8));
            }
        }
        // documents in force include this year's; published ones were made, and stay in the public total
        for (Figure f : catalog.all()) {
            String id = f.id();
            if (!f.printedIn(template) || !f.table().startsWith("二")) {
                continue;
            }
            if (id.endsWith("_in_force")) {
                values.put(id, values.get(id).longValue() + values.get(id.replace("_in_force", "_issued")).longValue());
            } else if (id.endsWith("_published")) {
                values.put(id, Math.min(values.get(id).longValue(), values.get(id.replace("_published", "_made")).longValue()));
            }
        }
        for (Figure f : catalog.all()) {
            String id = f.id();
            if (id.endsWith("_public_total") && f.printedIn(template)) {
                values.put(id, values.get(id).longValue() + values.get(id.replace("_public_total", "_published")).longValue());
            }
        }
        for (Figure f : catalog.all()) {
            if (f.id().endsWith("_delta") && f.printedIn(template)) {
                String prev = f.id().replace("_delta", "_prev_items");
                long before = values.get(prev).longValue();
                // items come and go: a decrease never below zero items
                long delta = random.nextDouble() < 0.6 ? 0 : random.nextInt((int) Math.min(before / 2, 1000) + 11) - before / 2;
                values.put(f.id(), delta);
            }
        }
    }

    /** Table 三: new + carried = concluded + carried over, per column; concluded spread over the outcome rows. */
    private void sampleApplications(String template, Random random, Map<String, Number> values, Set<String> failed) {
        List<String> outcomeRows = outcomeRows(template);
        boolean active = random.nextDouble() > 0.45;
        long volume = active ? Math.max(1, skewed(random, 0.0, 6)) : 0;
        double[] weights = outcomeRows.stream().mapToDouble(r -> OUTCOME_WEIGHT.getOrDefault(r, DEFAULT_OUTCOME_WEIGHT))
                .toArray();
        for (int c = 0; c < COLUMNS.size(); c++) {
            String col = COLUMNS.get(c);
            long fresh = volume == 0 ? 0 : Math.round(volume * COLUMN_SHARE[c] * (0.5 + random.nextDouble()));
            long carried = fresh > 0 && random.nextDouble() < 0.2 ? Math.round(fresh * random.nextDouble() * 0.15) : 0;
            long carryover = random.nextDouble() < 0.15 ? Math.round((fresh + carried) * random.nextDouble() * 0.1) : 0;
            long concluded = fresh + carried - carryover;
            long[] spread = spread(concluded, weights, random);
            put(values, "new", col, fresh);
            put(values, "carried", col, carried);
            put(values, "carryover", col, carryover);
            put(values, "total", col, concluded);
            for (int r = 0; r < outcomeRows.size(); r++) {
                put(values, outcomeRows.get(r), col, spread[r]);
            }
        }
        List<String> allRows = new ArrayList<>(List.of("new", "carried"));
        allRows.addAll(outcomeRows);
        allRows.addAll(List.of("total", "carryover"));
        for (String row : allRows) {
            long sum = 0;
            for (String col : COLUMNS) {
                sum += values.get(id(row, col)).longValue();
            }
            values.put(id(row, TOTAL), sum);
        }
        if ("2021".equals(template)) {
            // the 2021 template prints （六）其他处理 as three sub-rows; its figure is their sum
            for (String col : plusTotal()) {
                long sum = 0;
                for (String sub : List.of("other_no_correction", "other_no_fee", "other_other")) {
                    sum += values.get(id(sub, col)).longValue();
                }
                values.put(id("other", col), sum);
            }
        }
        if (random.nextDouble() < INCONSISTENT_SHARE) {
            // one outcome row whose 总计 is off, as printed in real reports: fails its row sum and the outcome sum
            List<String> common = outcomeRows.stream().filter(r -> !r.startsWith("other")).toList();
            String row = common.get(random.nextInt(common.size()));
            values.put(id(row, TOTAL), values.get(id(row, TOTAL)).longValue() + 1 + random.nextInt(3));
            failed.add("row_sum:" + row);
            failed.add("outcome_sum:" + TOTAL);
        }
    }

    /** Table 四: reviews and lawsuits, rare; each group's 总计 is the sum of its four results. */
    private void sampleReviews(Random random, Map<String, Number> values) {
        for (String group : List.of("review", "suit_direct", "suit_after_review")) {
            long total = 0;
            for (String result : List.of("upheld", "corrected", "other", "pending")) {
                long v = skewed(random, 0.85, 1);
                values.put(group + "_" + result, v);
                total += v;
            }
            values.put(group + "_total", total);
        }
    }

    /** Table 三 rows that the template prints between 二、上年结转 and （七）总计, in catalogue order. */
    List<String> outcomeRows(String template) {
        List<String> rows = new ArrayList<>();
        for (Figure f : catalog.all()) {
            String id = f.id();
            if (!id.startsWith("apps_") || !id.endsWith("_" + TOTAL) || !f.printedIn(template)) {
                continue;
            }
            String row = id.substring("apps_".length(), id.length() - TOTAL.length() - 1);
            boolean bookkeeping = List.of("new", "carried", "total", "carryover").contains(row);
            boolean derived = "2021".equals(template) && row.equals("other");
            if (!bookkeeping && !derived) {
                rows.add(row);
            }
        }
        return rows;
    }

    static String id(String row, String col) {
        return "apps_" + row + "_" + col;
    }

    static List<String> plusTotal() {
        List<String> cols = new ArrayList<>(COLUMNS);
        cols.add(TOTAL);
        return cols;
    }

    private static void put(Map<String, Number> values, String row, String col, long v) {
        values.put(id(row, col), v);
    }

    /** Zero with probability {@code zeroShare}, else a log-normal count around {@code median} with a long tail. */
    static long skewed(Random random, double zeroShare, double median) {
        if (random.nextDouble() < zeroShare) {
            return 0;
        }
        return Math.max(1, Math.round(median * Math.exp(1.3 * random.nextGaussian())));
    }

    private static BigDecimal money(Random random, double zeroShare) {
        if (random.nextDouble() < zeroShare) {
            return BigDecimal.ZERO;
        }
        double wan = 25 * Math.exp(1.5 * random.nextGaussian());
        return BigDecimal.valueOf(wan).setScale(2, RoundingMode.HALF_UP);
    }

    /** Spreads {@code count} over buckets by weight: one draw per unit for small counts, proportions for large. */
    private static long[] spread(long count, double[] weights, Random random) {
        long[] out = new long[weights.length];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (count <= 200) {
            for (long i = 0; i < count; i++) {
                double u = random.nextDouble() * sum;
                int b = 0;
                while (b < weights.length - 1 && (u -= weights[b]) >= 0) {
                    b++;
                }
                out[b]++;
            }
            return out;
        }
        long assigned = 0;
        for (int b = 1; b < weights.length; b++) {
            out[b] = (long) Math.floor(count * weights[b] / sum * (0.8 + 0.4 * random.nextDouble()));
            assigned += out[b];
        }
        out[0] = count - assigned; // the first row (予以公开) takes the remainder, so the sum is exact
        if (out[0] < 0) {
            out[0] = 0;
            long excess = assigned - count;
            for (int b = 1; b < out.length && excess > 0; b++) {
                long cut = Math.min(out[b], excess);
                out[b] -= cut;
                excess -= cut;
            }
        }
        return out;
    }
}
