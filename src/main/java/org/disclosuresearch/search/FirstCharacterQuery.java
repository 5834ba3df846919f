package org.disclosuresearch.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.FilterMatchesIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * For the highlighter only: a query over exact-field terms that start with one character (its bigrams and, at the end
 * of a text, its unigram), whose matches cover just that first character. The exact field holds no unigrams
 * (see {@link org.disclosuresearch.index.ExactPhraseTokenizer}), so a one-character match is found through the
 * bigram it starts, and marked as the one character it is.
 */
final class FirstCharacterQuery extends Query {

    private final Query inner;
    private final int chars;

    /** @param inner a query over the terms starting with the character; @param chars its length in UTF-16 chars */
    FirstCharacterQuery(Query inner, int chars) {
        this.inner = inner;
        this.chars = chars;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = inner.rewrite(searcher);
        return rewritten == inner ? this : new FirstCharacterQuery(rewritten, chars);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return new FilterWeight(this, inner.createWeight(searcher, scoreMode, boost)) {
            @Override
            public Matches matches(LeafReaderContext context, int doc) throws IOException {
                Matches matches = in.matches(context, doc);
                return matches == null ? null : new FirstCharacterMatches(matches, chars);
            }
        };
    }

    private record FirstCharacterMatches(Matches in, int chars) implements Matches {
        @Override
        public MatchesIterator getMatches(String field) throws IOException {
            MatchesIterator it = in.getMatches(field);
            return it == null ? null : new FilterMatchesIterator(it) {
                @Override
                public int endOffset() throws IOException {
                    int start = in.startOffset();
                    return start < 0 ? in.endOffset() : start + chars;
                }

                @Override
                public MatchesIterator getSubMatches() {
                    return null; // the match is the character itself, no finer parts
                }
            };
        }

        @Override
        public Collection<Matches> getSubMatches() {
            return List.of();
        }

        @Override
        public Iterator<String> iterator() {
            return in.iterator();
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        inner.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "firstCharacter(" + inner.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && inner.equals(((FirstCharacterQuery) other).inner)
                && chars == ((FirstCharacterQuery) other).chars;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), inner, chars);
    }
}
