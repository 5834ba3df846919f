package org.disclosuresearch.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.disclosuresearch.query.MatchMode;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a unit test: {@code main} runs one search request over and over on an existing index and prints what one run
 * costs: wall time (p50, mean), CPU time of the whole process and bytes allocated by all threads, per run. CPU time
 * and allocation hardly move with the load other processes put on the machine, so they compare a change before and
 * after better than latency does. {@code -Dnocache=true} turns Lucene's filter cache off (every run cold); the cache's
 * hits are printed otherwise. Run it under JFR ({@code -XX:StartFlightRecording=...}) to see where the time goes.
 * <p>Usage: {@code java -cp target/disclosure-search.jar:target/test-classes
 * org.disclosuresearch.search.QueryCostMeasurement INDEX QUERY [runs] [sort-field] [facet=value,...] [size]}
 */
public final class QueryCostMeasurement {

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        String query = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        SortSpec sort = args.length > 3 && !args[3].equals("-") ? new SortSpec(args[3], true) : SortSpec.RELEVANCE;
        Map<String, List<String>> facets = new java.util.LinkedHashMap<>();
        if (args.length > 4 && !args[4].equals("-")) {
            for (String pair : args[4].split(",")) {
                String[] kv = pair.split("=", 2);
                facets.put(kv[0], List.of(kv[1]));
            }
        }
        int size = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        SearchRequest request = new SearchRequest(query, facets, List.of(), sort, size, null, List.of(),
                MatchMode.EXACT);
        if (Boolean.getBoolean("nocache")) {
            IndexSearcher.setDefaultQueryCache(null); // what every run costs without Lucene's filter cache
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            SearchResult first = backend.search(request);
            System.out.printf("total %d, hits %d%n", first.total(), first.hits().size());
            for (int i = 0; i < runs / 5; i++) {
                backend.search(request); // warm-up
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long[] nanos = new long[runs];
            long cpu0 = os.getProcessCpuTime();
            long alloc0 = allocated();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                backend.search(request);
                nanos[i] = System.nanoTime() - t;
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long alloc = allocated() - alloc0;
            Arrays.sort(nanos);
            System.out.printf("%s: %d runs, wall p50 %.2f ms, mean %.2f ms; process CPU %.2f ms/run; "
                            + "allocated %.0f KB/run; load %.2f%n",
                    query, runs, nanos[runs / 2] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6,
                    cpu / 1e6 / runs, alloc / 1024.0 / runs, os.getSystemLoadAverage());
            if (IndexSearcher.getDefaultQueryCache() instanceof LRUQueryCache cache) {
                System.out.printf("Lucene query cache: %d hits, %d misses, %d cached filters%n", cache.getHitCount(),
                        cache.getMissCount(), cache.getCacheCount());
            }
        }
    }

    /** Bytes allocated so far by every live thread (the search slices run on pool threads). */
    private static long allocated() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(ids);
        return Arrays.stream(bytes).filter(b -> b > 0).sum();
    }
}
