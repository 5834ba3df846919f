package org.disclosuresearch.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.disclosuresearch.index.Fields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts facet values over a set of matching documents, straight from the sorted-set doc values. */
final class FacetCounter {
    private FacetCounter() {
    }

    /**
     * Value → number of matching documents, for each of {@code dimensions}, in one pass over the matches: counting
     * the eight dimensions of a search that matches a million reports walked the matches eight times.
     */
    static Map<String, Map<String, Long>> count(FacetsCollector hits, List<String> dimensions) throws IOException {
        int n = dimensions.size();
        List<Map<String, Long>> counts = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            counts.add(new HashMap<>());
        }
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            if (md.bits == null || md.totalHits == 0) {
                continue;
            }
            String[][] values = new String[n][];
            long[][] perOrd = new long[n][];
            int[][] ords = new int[n][];
            SortedSetDocValues[] multi = new SortedSetDocValues[n];
            for (int d = 0; d < n; d++) {
                String field = Fields.facetValues(dimensions.get(d));
                values[d] = FacetOrdinals.values(md.context.reader(), field);
                perOrd[d] = new long[values[d].length];
                ords[d] = values[d].length == 0 ? null : FacetOrdinals.of(md.context.reader(), field);
                multi[d] = values[d].length > 0 && ords[d] == null
                        ? DocValues.getSortedSet(md.context.reader(), field) : null;
            }
            DocIdSetIterator it = md.bits.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                for (int d = 0; d < n; d++) {
                    if (ords[d] != null) {
                        int ord = ords[d][doc];
                        if (ord >= 0) {
                            perOrd[d][ord]++;
                        }
                    } else if (multi[d] != null && multi[d].advanceExact(doc)) {
                        for (int i = 0; i < multi[d].docValueCount(); i++) {
                            perOrd[d][(int) multi[d].nextOrd()]++;
                        }
                    }
                }
            }
            for (int d = 0; d < n; d++) {
                for (int ord = 0; ord < perOrd[d].length; ord++) {
                    if (perOrd[d][ord] > 0) {
                        counts.get(d).merge(values[d][ord], perOrd[d][ord], Long::sum);
                    }
                }
            }
        }
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (int d = 0; d < n; d++) {
            out.put(dimensions.get(d), counts.get(d));
        }
        return out;
    }

    /** Flat facet values, most frequent first (ties by value). */
    static List<SearchResult.FacetValue> flat(Map<String, Long> counts) {
        return flat(counts, ORDER);
    }

    /** Flat facet values in the given order. */
    static List<SearchResult.FacetValue> flat(Map<String, Long> counts, Comparator<SearchResult.FacetValue> order) {
        List<SearchResult.FacetValue> out = new ArrayList<>();
        counts.forEach((v, c) -> out.add(new SearchResult.FacetValue(v, c, List.of())));
        out.sort(order);
        return out;
    }

    static final Comparator<SearchResult.FacetValue> ORDER = Comparator
            .comparingLong(SearchResult.FacetValue::count).reversed()
            .thenComparing(SearchResult.FacetValue::value);

    /**
     * Years newest first, by value: a reader scans years as a timeline, not by how many reports each has. A value
     * that is not a number (none is indexed today) would come last.
     */
    static final Comparator<SearchResult.FacetValue> NEWEST_FIRST = Comparator
            .comparingLong((SearchResult.FacetValue v) -> asYear(v.value())).reversed()
            .thenComparing(SearchResult.FacetValue::value);

    private static long asYear(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    /**
     * The region tree from the three levels' counts (city and county counted by full path "省/市", "省/市/县").
     * A county whose city is unknown hangs directly under its province.
     */
    static List<SearchResult.FacetValue> regionTree(Map<String, Long> provinces, Map<String, Long> cities,
                                                    Map<String, Long> counties) {
        String sep = String.valueOf(Fields.PATH_SEPARATOR);
        Map<String, List<SearchResult.FacetValue>> countiesByParent = new LinkedHashMap<>();
        counties.forEach((path, c) -> {
            String[] p = parts(path);
            String parent = p[1].isEmpty() ? p[0] : p[0] + sep + p[1];
            countiesByParent.computeIfAbsent(parent, k -> new ArrayList<>())
                    .add(new SearchResult.FacetValue(p[2], c, List.of()));
        });
        Map<String, List<SearchResult.FacetValue>> citiesByProvince = new LinkedHashMap<>();
        cities.forEach((path, c) -> {
            String[] p = parts(path);
            List<SearchResult.FacetValue> children = sorted(countiesByParent.getOrDefault(path, List.of()));
            citiesByProvince.computeIfAbsent(p[0], k -> new ArrayList<>())
                    .add(new SearchResult.FacetValue(p[1], c, children));
        });
        List<SearchResult.FacetValue> out = new ArrayList<>();
        provinces.forEach((province, c) -> {
            List<SearchResult.FacetValue> children = new ArrayList<>(citiesByProvince.getOrDefault(province, List.of()));
            children.addAll(countiesByParent.getOrDefault(province, List.of()));
            out.add(new SearchResult.FacetValue(province, c, sorted(children)));
        });
        return sorted(out);
    }

    /**
     * A region path cut at {@link Fields#PATH_SEPARATOR}, empty parts kept. Not String.split with a quoted pattern:
     * that compiles a regex per call, for every city and county value of every search (a tenth of an aggregate over
     * 100k reports).
     */
    static String[] parts(String path) {
        List<String> out = new ArrayList<>(3);
        int from = 0;
        for (int at = path.indexOf(Fields.PATH_SEPARATOR); at >= 0; at = path.indexOf(Fields.PATH_SEPARATOR, from)) {
            out.add(path.substring(from, at));
            from = at + 1;
        }
        out.add(path.substring(from));
        return out.toArray(new String[0]);
    }

    private static List<SearchResult.FacetValue> sorted(List<SearchResult.FacetValue> values) {
        List<SearchResult.FacetValue> copy = new ArrayList<>(values);
        copy.sort(ORDER);
        return copy;
    }
}
