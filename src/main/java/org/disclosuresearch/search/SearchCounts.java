package org.disclosuresearch.search;

import org.disclosuresearch.query.MatchMode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a search counts over every report it matches (the exact total, the facet counts, the requested aggregates),
 * kept for recent searches of one index version. These counts walk every match: at a million reports a phrase in
 * every report spends most of its time there, and the next page, another sort or the same search from another reader
 * counts the same again. With the counts known, a search only has to find its page, which stops early.
 *
 * <p>Kept per searched index version (a new commit starts empty: nothing stale can be served) and bounded by the
 * number of facet values held, which is what an entry costs (≈3,300 values for a search matching every report of a
 * national corpus).
 */
final class SearchCounts {

    /** What decides the counts: everything of a request but its sort, page size and cursor. */
    record Key(String query, MatchMode match, Map<String, List<String>> facets, List<RangeFilter> ranges,
               List<StatsRequest> stats) {
        static Key of(SearchRequest request) {
            return new Key(request.query().strip(), request.match(), request.facets(), request.ranges(),
                    request.stats());
        }
    }

    /** The counts of one search. */
    record Counts(long total, Map<String, List<SearchResult.FacetValue>> facets, List<SearchResult.Stats> stats) {
        int weight() {
            int w = 1;
            for (List<SearchResult.FacetValue> values : facets.values()) {
                w += weight(values);
            }
            for (SearchResult.Stats s : stats) {
                w += 1 + s.buckets().size();
            }
            return w;
        }

        private static int weight(List<SearchResult.FacetValue> values) {
            int w = values.size();
            for (SearchResult.FacetValue v : values) {
                w += weight(v.children());
            }
            return w;
        }
    }

    /** Facet values (and aggregate buckets) held at most: ≈150 searches matching every report at a million. */
    static final int DEFAULT_MAX_WEIGHT = 500_000;

    private final int maxWeight;
    private final LinkedHashMap<Key, Counts> entries = new LinkedHashMap<>(64, 0.75f, true);
    private Object version;
    private long weight;

    /** @param maxWeight facet values (and aggregate buckets) held at most; 0 keeps nothing */
    SearchCounts(int maxWeight) {
        this.maxWeight = maxWeight;
    }

    /** The counts of {@code key} on index version {@code version}, or null when not known. */
    synchronized Counts get(Object version, Key key) {
        return version.equals(this.version) ? entries.get(key) : null;
    }

    /** Keeps {@code counts}; counts of another index version are dropped, then the least recently used. */
    synchronized void put(Object version, Key key, Counts counts) {
        if (!version.equals(this.version)) {
            entries.clear();
            weight = 0;
            this.version = version;
        }
        int w = counts.weight();
        if (w > maxWeight) {
            return;
        }
        Counts old = entries.put(key, counts);
        weight += w - (old == null ? 0 : old.weight());
        for (Iterator<Counts> it = entries.values().iterator(); weight > maxWeight && it.hasNext(); ) {
            weight -= it.next().weight();
            it.remove();
        }
    }

    /** Number of searches whose counts are held. */
    synchronized int size() {
        return entries.size();
    }
}
