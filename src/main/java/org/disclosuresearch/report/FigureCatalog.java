package org.disclosuresearch.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figure catalogue loaded from {@code spec/fields.csv} (copied from the project's shared spec).
 * Figure ids are never typed twice in the code: everything asks the catalogue.
 */
public final class FigureCatalog {

    private static final String RESOURCE = "/spec/fields.csv";
    private static final FigureCatalog INSTANCE = load();

    private final List<Figure> figures;
    private final List<Figure> derived;
    private final Map<String, Figure> byId;

    private FigureCatalog(List<Figure> figures) {
        this.figures = List.copyOf(figures);
        this.derived = DerivedFigures.ALL.stream().map(r -> new Figure(r.id(), DERIVED_TABLE, r.name(),
                Figure.RATIO_UNIT, java.util.Set.of("2021", "2019"), Figure.RATIO_UNIT, r.formula())).toList();
        Map<String, Figure> map = new LinkedHashMap<>();
        for (Figure f : figures) {
            map.put(f.id(), f);
        }
        for (Figure f : derived) {
            map.put(f.id(), f);
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    public static FigureCatalog get() {
        return INSTANCE;
    }

    /** The "table" of derived figures: computed at index time, printed by no report. */
    public static final String DERIVED_TABLE = "派生指标（索引时计算）";

    /** All figures a report prints, in catalogue order (table 二, 三, 四); the derived ones are {@link #derived()}. */
    public List<Figure> all() {
        return figures;
    }

    /** The figures computed at index time ({@link DerivedFigures}), after the read ones in {@link #ids()}. */
    public List<Figure> derived() {
        return derived;
    }

    /** Read and derived figures: what a filter, sort, aggregate or CSV column may name. */
    public List<Figure> allWithDerived() {
        List<Figure> out = new ArrayList<>(figures);
        out.addAll(derived);
        return out;
    }

    public Optional<Figure> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The figure with this id, or an {@link IllegalArgumentException} naming the unknown id. */
    public Figure require(String id) {
        Figure f = byId.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown figure id '" + id + "'" + didYouMean(id)
                    + " (not in the catalogue, spec/fields.csv)");
        }
        return f;
    }

    /** Suggestions offered for a mistyped id, at most. */
    static final int MAX_SUGGESTIONS = 3;

    /**
     * The figure ids (and {@code alsoAllowed} names such as {@code year}) closest to a mistyped one, best first:
     * those within an edit distance of half its length ({@code penalty} → {@code penalties}) and those that contain
     * it or that it contains ({@code apps_new} → {@code apps_new_total}), keeping only the nearest (ties and one
     * edit more); empty when nothing is close.
     */
    public List<String> closest(String typed, String... alsoAllowed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        String t = typed.strip().toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, (t.length() + 1) / 2);
        List<String> candidates = new ArrayList<>(List.of(alsoAllowed));
        candidates.addAll(byId.keySet());
        Map<String, Integer> distance = new LinkedHashMap<>();
        for (String candidate : candidates) {
            int d = editDistance(t, candidate.toLowerCase(Locale.ROOT));
            boolean contains = t.length() >= 3 && (candidate.contains(t) || t.contains(candidate));
            if (d <= allowed || contains) {
                distance.putIfAbsent(candidate, d);
            }
        }
        int best = distance.values().stream().min(Integer::compare).orElse(0);
        return distance.entrySet().stream()
                .filter(e -> e.getValue() <= best + 1)
                .sorted(Map.Entry.comparingByValue())
                .limit(MAX_SUGGESTIONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** {@code "; did you mean penalties?"} for a mistyped id, or "" when no id is close (see {@link #closest}). */
    public String didYouMean(String typed, String... alsoAllowed) {
        List<String> close = closest(typed, alsoAllowed);
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Ids of every figure, read then derived. */
    public Set<String> ids() {
        return byId.keySet();
    }

    private static FigureCatalog load() {
        List<Figure> list = new ArrayList<>();
        for (List<String> cells : Csv.readResource(RESOURCE, "id,")) {
            if (cells.size() != 6) {
                throw new IllegalStateException(RESOURCE + ": expected 6 columns in: " + String.join(",", cells));
            }
            Set<String> templates = new LinkedHashSet<>(List.of(cells.get(4).split(",")));
            list.add(new Figure(cells.get(0), cells.get(1), cells.get(2), cells.get(3), templates, cells.get(5)));
        }
        return new FigureCatalog(list);
    }
}
