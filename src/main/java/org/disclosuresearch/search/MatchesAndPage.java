package org.disclosuresearch.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;

import java.io.IOException;

/**
 * Every match of a query (for the exact total, facets and stats) and the top {@code n} of them in the request's order.
 * One pass does both unless the page is ranked by relevance and the query is expected to match a large share of the
 * index: then every match would be scored for ten places on the page, so the matches are collected without scores
 * and a second pass ranks only what can still reach the page (Lucene skips blocks whose best score cannot). Two
 * passes cost a selective query more than they save (25–40% on filtered queries), hence the choice per query.
 */
final class MatchesAndPage {
    private MatchesAndPage() {
    }

    /**
     * Share of the index a query must be expected to match for the two passes; below it the single pass is cheaper.
     * The expectation is the query's cost estimate (the rarest required term's document count and the like), an upper
     * bound read from the term dictionary without visiting a posting.
     */
    static final double TWO_PASSES_FROM_SHARE = 0.25;

    record Result(FacetsCollector matching, long total, TopDocs top) {
    }

    static Result search(IndexSearcher searcher, Query query, int n, Sort sort, FieldDoc after, boolean byRelevance)
            throws IOException {
        if (!byRelevance) {
            return onePass(searcher, query, n, sort, after); // sorted by a value: nothing is scored anyway
        }
        Query rewritten = searcher.rewrite(query);
        return matchesMuch(searcher, rewritten) ? twoPasses(searcher, rewritten, n, sort, after)
                : onePass(searcher, rewritten, n, sort, after);
    }

    /** Whether {@code rewritten} is expected to match at least {@link #TWO_PASSES_FROM_SHARE} of the index. */
    static boolean matchesMuch(IndexSearcher searcher, Query rewritten) throws IOException {
        return expectedMatches(searcher, rewritten) >= TWO_PASSES_FROM_SHARE * searcher.getIndexReader().maxDoc();
    }

    static Result onePass(IndexSearcher searcher, Query query, int n, Sort sort, FieldDoc after) throws IOException {
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.searchAfter(searcher, after, query, n,
                sort, false, new FacetsCollectorManager());
        return new Result(result.facetsCollector(), total(result.facetsCollector()), result.topDocs());
    }

    /**
     * Matches unscored (a non-scoring boolean query drops its optional clauses), then the page: a top-n collector
     * that needs no exact count lets the scorers skip what cannot reach it.
     */
    static Result twoPasses(IndexSearcher searcher, Query query, int n, Sort sort, FieldDoc after) throws IOException {
        FacetsCollector matching = searcher.search(query, new FacetsCollectorManager());
        TopDocs top = searcher.search(query, new TopFieldCollectorManager(sort, n, after, n, true));
        return new Result(matching, total(matching), top);
    }

    private static long expectedMatches(IndexSearcher searcher, Query rewritten) throws IOException {
        Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
        long cost = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            cost += supplier == null ? 0 : Math.min(supplier.cost(), leaf.reader().maxDoc());
        }
        return cost;
    }

    private static long total(FacetsCollector matching) {
        return matching.getMatchingDocs().stream().mapToLong(md -> md.totalHits).sum();
    }
}
