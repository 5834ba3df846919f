package org.disclosuresearch.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agency-type vocabulary of {@code spec/agency-types.csv}: each type with its name keywords, in file order.
 * The facets list the types from here; the parser classifies agency names with the keywords.
 */
public final class AgencyTypes {

    /** The type given when no keyword matches (the file's last row, which has no keywords). */
    public static final String OTHER = "其他";

    private static final String RESOURCE = "/spec/agency-types.csv";
    private static final AgencyTypes INSTANCE = load();

    private final Map<String, List<String>> keywordsByType;

    private AgencyTypes(Map<String, List<String>> keywordsByType) {
        this.keywordsByType = Collections.unmodifiableMap(keywordsByType);
    }

    public static AgencyTypes get() {
        return INSTANCE;
    }

    /** All type names in file order (其他 last). */
    public List<String> types() {
        return List.copyOf(keywordsByType.keySet());
    }

    /** Type name to its keywords, in file order. */
    public Map<String, List<String>> keywordsByType() {
        return keywordsByType;
    }

    public boolean contains(String type) {
        return keywordsByType.containsKey(type);
    }

    private static AgencyTypes load() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (List<String> cells : Csv.readResource(RESOURCE, "type,")) {
            List<String> keywords = cells.size() < 2 || cells.get(1).isBlank() ? List.of()
                    : new ArrayList<>(Arrays.asList(cells.get(1).split("\\|")));
            map.put(cells.get(0).strip(), List.copyOf(keywords));
        }
        map.putIfAbsent(OTHER, List.of());
        return new AgencyTypes(map);
    }
}
