package org.disclosuresearch.bench;

import org.apache.lucene.search.IndexSearcher;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.RangeFilter;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SortSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A probe for issue 16's page and common-phrase costs on an existing index, outside the benchmark proper:
 * {@code java -cp disclosure-search-bench.jar org.disclosuresearch.bench.PageCostProbe INDEX [ROUNDS] [cold]}.
 * Per kind it prints the p50 and p90 of the CPU time of the searching threads for a page of 10 hits and of the same request with no page (size 0), so the
 * page's own cost is the difference. {@code cold} switches Lucene's query cache off, so a repeated request costs
 * what a distinct one does.
 */
public final class PageCostProbe {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private PageCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (args.length > 2 && args[2].equals("cold")) {
            IndexSearcher.setDefaultQueryCache(null);
        }
        Map<String, List<SearchRequest>> kinds = new LinkedHashMap<>();
        kinds.put("common phrase", List.of(req("\"依申请公开\"", Map.of(), List.of(), SortSpec.RELEVANCE)));
        kinds.put("common phrase by year", List.of(req("\"依申请公开\"", Map.of(), List.of(),
                new SortSpec("year", true))));
        kinds.put("common phrase + filters", List.of(
                req("\"依申请公开\"", Map.of("year", List.of("2022")), List.of(new RangeFilter("penalties", 1.0, null)),
                        SortSpec.RELEVANCE),
                req("\"依申请公开\"", Map.of("year", List.of("2021")), List.of(new RangeFilter("licensing", 1.0, null)),
                        SortSpec.RELEVANCE)));
        kinds.put("phrases", QueryMix.PHRASES.stream().map(p -> req("\"" + p + "\"", Map.of(), List.of(),
                SortSpec.RELEVANCE)).toList());
        kinds.put("words", QueryMix.WORDS.stream().map(w -> req(w, Map.of(), List.of(), SortSpec.RELEVANCE)).toList());
        kinds.put("rare phrase", List.of(req("\"适老化改造\"", Map.of(), List.of(), SortSpec.RELEVANCE),
                req("\"盲道\"", Map.of(), List.of(), SortSpec.RELEVANCE)));
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            System.out.printf("%,d reports in %s, %d rounds%s%n", backend.size(), index, rounds,
                    args.length > 2 ? ", query cache off" : "");
            for (int warm = 0; warm < 3; warm++) { // JIT and page cache, for every kind before any is timed
                kinds.values().forEach(requests -> requests.forEach(backend::search));
            }
            for (Map.Entry<String, List<SearchRequest>> kind : kinds.entrySet()) {
                List<Double> page = new ArrayList<>();
                List<Double> noPage = new ArrayList<>();
                for (int i = 0; i < rounds; i++) { // alternated, so that load on the machine hits both alike
                    for (SearchRequest r : kind.getValue()) {
                        page.add(time(backend, r, 10));
                        noPage.add(time(backend, r, 0));
                    }
                }
                System.out.printf("%-24s page of 10 p50 %7.2f p90 %7.2f ms | no page p50 %7.2f p90 %7.2f ms | total %d%n",
                        kind.getKey(), percentile(page, 0.5), percentile(page, 0.9), percentile(noPage, 0.5),
                        percentile(noPage, 0.9), backend.search(kind.getValue().get(0)).total());
            }
        }
    }

    private static SearchRequest req(String q, Map<String, List<String>> facets, List<RangeFilter> ranges, SortSpec s) {
        return new SearchRequest(q, facets, ranges, s, 10, null, List.of());
    }

    private static double time(LuceneSearchBackend backend, SearchRequest r, int size) {
        SearchRequest sized = new SearchRequest(r.query(), r.facets(), r.ranges(), r.sort(), size, null, r.stats());
        long t = searchCpuNanos();
        backend.search(sized);
        return (searchCpuNanos() - t) / 1e6;
    }

    /**
     * CPU time of the threads that search (this one and the slice pool's), which other engineers' load on the shared
     * machine does not inflate the way it inflates wall time; JIT and GC threads are left out.
     */
    private static long searchCpuNanos() {
        long sum = THREADS.getCurrentThreadCpuTime();
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("search-slice")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static double percentile(List<Double> ms, double p) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
