package org.disclosuresearch.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
    private final Map<String, Figure> byId;

    private FigureCatalog(List<Figure> figures) {
        this.figures = List.copyOf(figures);
        Map<String, Figure> map = new LinkedHashMap<>();
        for (Figure f : figures) {
            map.put(f.id(), f);
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    public static FigureCatalog get() {
        return INSTANCE;
    }

    /** All figures in catalogue order (table 二, 三, 四). */
    public List<Figure> all() {
        return figures;
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
            throw new IllegalArgumentException("unknown figure id '" + id + "' (not in the catalogue, spec/fields.csv)");
        }
        return f;
    }

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
