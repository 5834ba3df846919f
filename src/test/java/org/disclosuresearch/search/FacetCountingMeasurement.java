package org.disclosuresearch.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.taxonomy.TaxonomyReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.index.Fields;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryLanguage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a unit test (issue 16): {@code main} compares the hand-written facet counting ({@link FacetCounter}, one pass over the
 * matches for every dimension, from cached per-segment ordinal arrays) with lucene-facet's
 * {@link StringValueFacetCounts} (one pass per dimension, over its global ordinal map) on the same matches of an
 * existing index, checks that both count the same, and prints per-count wall and thread CPU time. With a selection
 * {@code DIM=VALUE} it then times the page's case, one facet filtered: the other dimensions counted over the filtered
 * matches and the filtered dimension's other values over the unfiltered ones, three ways: the backend's way (a second
 * search without the selection, both counted by FacetCounter), the same two searches counted by StringValueFacetCounts,
 * and lucene-facet's {@link DrillSideways} (one pass collecting both, counted by StringValueFacetCounts); each checked
 * against the others.
 * <p>Usage: {@code java -cp target/disclosure-search.jar:target/test-classes
 * org.disclosuresearch.search.FacetCountingMeasurement INDEX [query] [runs] [DIM=VALUE]}
 */
public final class FacetCountingMeasurement {

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        String q = args.length > 1 ? args[1] : "";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> dims = FacetSelection.DIMENSIONS;
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query query = q.isBlank() ? new MatchAllDocsQuery()
                    : LuceneQueries.toLucene(QueryLanguage.parse(q, MatchMode.EXACT, Analyzers.wordSegmenter()));
            FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
            long total = matches.getMatchingDocs().stream().mapToLong(md -> md.totalHits).sum();
            Map<String, StringDocValuesReaderState> states = new HashMap<>();
            long t0 = System.nanoTime();
            for (String dim : dims) {
                states.put(dim, new StringDocValuesReaderState(reader, Fields.facetValues(dim)));
            }
            System.out.printf("%s: %d matches in %d segments; lucene-facet reader states built once in %.1f ms%n",
                    q.isBlank() ? "all reports" : q, total, reader.leaves().size(), (System.nanoTime() - t0) / 1e6);

            Map<String, Map<String, Long>> ours = FacetCounter.count(matches, dims);
            Map<String, Map<String, Long>> theirs = luceneFacet(states, matches, dims);
            if (!ours.equals(theirs)) {
                throw new AssertionError("the two countings differ: " + ours + " vs " + theirs);
            }
            System.out.println("both count the same values and counts for " + dims);

            for (int round = 0; round < 2; round++) { // the first round warms up
                double[] a = time(runs, () -> FacetCounter.count(matches, dims));
                double[] b = time(runs, () -> luceneFacet(states, matches, dims));
                if (round == 1) {
                    System.out.printf("FacetCounter (%d dims, one pass):          p50 %.2f ms, CPU %.2f ms/count%n",
                            dims.size(), a[0], a[1]);
                    System.out.printf("StringValueFacetCounts (%d dims, a pass each): p50 %.2f ms, CPU %.2f ms/count; "
                            + "load %.2f%n", dims.size(), b[0], b[1], ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
                }
            }
            if (args.length > 3) {
                String[] selection = args[3].split("=", 2);
                filtered(searcher, query, states, dims, selection[0], selection[1], runs);
            }
        }
    }

    /** The page's request with one facet selected, counted the three ways (see the class comment). */
    private static void filtered(IndexSearcher searcher, Query query, Map<String, StringDocValuesReaderState> states,
                                 List<String> dims, String dim, String value, int runs) throws Exception {
        FacetSelection.requireDimension(dim);
        Query selection = new TermQuery(new Term(Fields.facetValues(dim), value));
        List<String> others = dims.stream().filter(d -> !d.equals(dim)).toList();
        Counting backend = () -> {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            FacetsCollector matching = searcher.search(filter(query, selection), new FacetsCollectorManager());
            counts.putAll(FacetCounter.count(searcher.search(query, new FacetsCollectorManager()), List.of(dim)));
            counts.putAll(FacetCounter.count(matching, others));
            return counts;
        };
        Counting stringValue = () -> {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            FacetsCollector matching = searcher.search(filter(query, selection), new FacetsCollectorManager());
            counts.putAll(luceneFacet(states, searcher.search(query, new FacetsCollectorManager()), List.of(dim)));
            counts.putAll(luceneFacet(states, matching, others));
            return counts;
        };
        Counting drillSideways = () -> {
            Map<String, Map<String, Long>> counts = new HashMap<>();
            DrillSideways ds = new DrillSideways(searcher, new FacetsConfig(), (TaxonomyReader) null) {
                @Override
                protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] sideways,
                                                   String[] sidewaysDims) throws java.io.IOException {
                    try {
                        counts.putAll(luceneFacet(states, drillDowns, others));
                        counts.putAll(luceneFacet(states, sideways[0], List.of(sidewaysDims[0])));
                    } catch (Exception e) {
                        throw new java.io.IOException(e);
                    }
                    return null; // the counts are taken above; no Facets object is read
                }
            };
            DrillDownQuery drill = new DrillDownQuery(new FacetsConfig(), query);
            drill.add(dim, selection);
            ds.search(drill, 10);
            return counts;
        };
        Object expected = backend.run();
        if (!expected.equals(stringValue.run()) || !expected.equals(drillSideways.run())) {
            throw new AssertionError("the three countings differ for " + dim + "=" + value + ": " + expected + " vs "
                    + stringValue.run() + " vs " + drillSideways.run());
        }
        @SuppressWarnings("unchecked")
        Long selected = ((Map<String, Map<String, Long>>) expected).get(dim).get(value);
        System.out.println("one facet selected (" + dim + "=" + value + ", " + selected + " matches): the three count the same");
        for (int round = 0; round < 2; round++) { // the first round warms up
            double[] a = time(runs, backend);
            double[] b = time(runs, stringValue);
            double[] c = time(runs, drillSideways);
            if (round == 1) {
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                System.out.printf("%s selected, search + counts: backend (2 searches, FacetCounter)  p50 %.2f ms, "
                        + "CPU %.2f ms%n", dim, a[0], a[1]);
                System.out.printf("%s selected, search + counts: 2 searches, StringValueFacetCounts p50 %.2f ms, "
                        + "CPU %.2f ms%n", dim, b[0], b[1]);
                System.out.printf("%s selected, search + counts: DrillSideways, StringValueFacetCounts p50 %.2f ms, "
                        + "CPU %.2f ms; load %.2f%n", dim, c[0], c[1], load);
            }
        }
    }

    private static Query filter(Query query, Query selection) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(selection, BooleanClause.Occur.FILTER).build();
    }

    private static Map<String, Map<String, Long>> luceneFacet(Map<String, StringDocValuesReaderState> states,
                                                              FacetsCollector matches, List<String> dims)
            throws Exception {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (String dim : dims) {
            Map<String, Long> counts = new HashMap<>();
            FacetResult r = new StringValueFacetCounts(states.get(dim), matches).getAllChildren(
                    Fields.facetValues(dim));
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    counts.put(lv.label, lv.value.longValue());
                }
            }
            out.put(dim, counts);
        }
        return out;
    }

    private interface Counting {
        Object run() throws Exception;
    }

    /** p50 wall ms and mean thread CPU ms of {@code runs} countings. */
    private static double[] time(int runs, Counting c) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            c.run();
            nanos[i] = System.nanoTime() - t;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        Arrays.sort(nanos);
        return new double[] {nanos[runs / 2] / 1e6, cpu / 1e6 / runs};
    }
}
