package org.disclosuresearch.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import java.io.IOException;
import java.util.Arrays;

/**
 * An exact phrase of three or more code points on an exact-phrase (bigram) field. Any set of the phrase's bigrams
 * that covers every character, at their offsets, matches exactly the documents holding the phrase; this query picks,
 * when rewritten against an index, the cover whose bigrams occur least often in it (checking a phrase reads the
 * positions of every chosen bigram in every candidate: 公开, 信息 occur millions of times, 动公, 开政 far less).
 * Unrewritten, it stands for the phrase of all its bigrams (what highlighting visits).
 */
final class ExactPhraseQuery extends Query {
    private final String field;
    /** The phrase's bigrams; bigram i starts at code point i. */
    private final String[] bigrams;

    ExactPhraseQuery(String field, int[] codePoints) {
        this.field = field;
        this.bigrams = new String[codePoints.length - 1];
        for (int i = 0; i < bigrams.length; i++) {
            bigrams[i] = new String(codePoints, i, 2);
        }
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        long[] cost = new long[bigrams.length];
        for (int i = 0; i < bigrams.length; i++) {
            long ttf = reader.totalTermFreq(new Term(field, bigrams[i]));
            cost[i] = ttf < 0 ? reader.docFreq(new Term(field, bigrams[i])) : ttf;
            if (cost[i] == 0) {
                return new MatchNoDocsQuery("bigram '" + bigrams[i] + "' is in no document");
            }
        }
        return phrase(cheapestCover(cost));
    }

    /**
     * Bigram offsets covering every character at the least total cost: the first and last bigram always (only they
     * hold the first and last character), and no gap of more than one character between chosen offsets; of equal costs
     * (an index without the phrase), the fewest bigrams: every other one and the last.
     */
    static int[] cheapestCover(long[] cost) {
        int n = cost.length;
        long[] best = new long[n]; // least cost of a cover of characters 0..i+1 that ends with bigram i
        int[] terms = new int[n]; // and its number of bigrams: of equal costs, the fewer terms
        int[] previous = new int[n];
        best[0] = cost[0];
        terms[0] = 1;
        previous[0] = -1;
        for (int i = 1; i < n; i++) {
            boolean skip = i >= 2 && (best[i - 2] < best[i - 1]
                    || best[i - 2] == best[i - 1] && terms[i - 2] < terms[i - 1]);
            int from = skip ? i - 2 : i - 1;
            best[i] = best[from] + cost[i];
            terms[i] = terms[from] + 1;
            previous[i] = from;
        }
        int[] chosen = new int[n];
        int k = 0;
        for (int i = n - 1; i >= 0; i = previous[i]) {
            chosen[k++] = i;
        }
        int[] cover = Arrays.copyOf(chosen, k);
        Arrays.sort(cover);
        return cover;
    }

    private PhraseQuery phrase(int[] offsets) {
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int offset : offsets) {
            b.add(new Term(field, bigrams[offset]), offset);
        }
        return b.build();
    }

    private PhraseQuery allBigrams() {
        int[] all = new int[bigrams.length];
        Arrays.setAll(all, i -> i);
        return phrase(all);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        allBigrams().visit(visitor);
    }

    @Override
    public String toString(String f) {
        return allBigrams().toString(f);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((ExactPhraseQuery) other).field)
                && Arrays.equals(bigrams, ((ExactPhraseQuery) other).bigrams);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + field.hashCode()) + Arrays.hashCode(bigrams);
    }
}
