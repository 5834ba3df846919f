package org.disclosuresearch.search;

import org.apache.lucene.facet.FacetResult;
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
 * Not a unit test: {@code main} compares the hand-written facet counting ({@link FacetCounter}, one pass over the
 * matches for every dimension, from cached per-segment ordinal arrays) with lucene-facet's
 * {@link StringValueFacetCounts} (one pass per dimension, over its global ordinal map) on the same matches of an
 * existing index, checks that both count the same, and prints per-count wall and thread CPU time.
 * <p>Usage: {@code java -cp target/disclosure-search.jar:target/test-classes
 * org.disclosuresearch.search.FacetCountingMeasurement INDEX [query] [runs]}
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
                    System.out.printf("FacetCounter (8 dims, one pass):          p50 %.2f ms, CPU %.2f ms/count%n",
                            a[0], a[1]);
                    System.out.printf("StringValueFacetCounts (8 dims, 8 passes): p50 %.2f ms, CPU %.2f ms/count; "
                            + "load %.2f%n", b[0], b[1], ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
                }
            }
        }
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
