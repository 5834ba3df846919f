package org.disclosuresearch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A user's next steps after a new search: its next page, then the same search sorted by a figure. Both are the same
 * search as far as its counts go (total, facets, aggregates), so a backend that remembers recent searches' counts
 * (as {@code serve} does) only has to find their page. Timed on such a backend and on one that counts every search
 * again, alternating which goes first, so that both meet each query equally warm and what differs is only whether
 * the follow-ups recount. The repeated mix and the cold queries are timed without remembered counts: a stream that
 * repeats every query would otherwise be answered from memory.
 */
final class FollowUps {

    /** Sorted by this figure when the query has none of its own. */
    private static final String DEFAULT_FIGURE = "penalties";

    private FollowUps() {
    }

    static ObjectNode measure(SearchBackend counting, SearchBackend remembering, List<BenchQuery> queries) {
        Steps countingSteps = new Steps();
        Steps rememberingSteps = new Steps();
        OurEngine requests = new OurEngine(counting);
        List<String> errors = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            BenchQuery q = queries.get(i);
            BenchQuery firstPage = new BenchQuery(q.kind(), q.text(), q.phrase(), q.facets(), q.figure(), q.min(), 1);
            SearchRequest first = requests.request(firstPage);
            try {
                if (i % 2 == 0) {
                    rememberingSteps.run(remembering, first, q.figure());
                    countingSteps.run(counting, first, q.figure());
                } else {
                    countingSteps.run(counting, first, q.figure());
                    rememberingSteps.run(remembering, first, q.figure());
                }
            } catch (RuntimeException e) {
                if (errors.size() < 20) {
                    errors.add(q + ": " + e.getMessage());
                }
            }
        }
        long wall = System.nanoTime() - start;
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("queries", queries.size());
        node.set("counting", countingSteps.summary(wall));
        node.set("remembering", rememberingSteps.summary(wall));
        var errorList = node.putArray("errors");
        errors.forEach(errorList::add);
        return node;
    }

    /** Latencies of each step on one backend. */
    private static final class Steps {
        final Latencies first = new Latencies();
        final Latencies nextPage = new Latencies();
        final Latencies resorted = new Latencies();

        void run(SearchBackend backend, SearchRequest request, String figure) {
            SearchResult r = timed(first, backend::search, request);
            if (r.nextCursor() != null) {
                timed(nextPage, backend::search, OurEngine.withCursor(request, r.nextCursor()));
            }
            timed(resorted, backend::search, OurEngine.sortedBy(request, figure != null ? figure : DEFAULT_FIGURE));
        }

        private static SearchResult timed(Latencies l, Function<SearchRequest, SearchResult> search,
                                          SearchRequest request) {
            long t0 = System.nanoTime();
            SearchResult r = search.apply(request);
            l.record(System.nanoTime() - t0);
            return r;
        }

        ObjectNode summary(long wallNanos) {
            ObjectNode node = Json.mapper().createObjectNode();
            for (Latencies l : List.of(first, nextPage, resorted)) {
                l.endRound(wallNanos);
            }
            node.set("first", first.summary());
            node.set("nextPage", nextPage.summary());
            node.set("resorted", resorted.summary());
            return node;
        }
    }
}
