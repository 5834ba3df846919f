package org.disclosuresearch.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.disclosuresearch.index.ExactPhrase;
import org.disclosuresearch.index.Fields;
import org.disclosuresearch.query.QueryNode;

import java.util.List;

/** The query tree as a Lucene query over the embedded index's fields. */
final class LuceneQueries {
    private LuceneQueries() {
    }

    static Query toLucene(QueryNode node) {
        if (node instanceof QueryNode.Everything) {
            return new MatchAllDocsQuery();
        }
        if (node instanceof QueryNode.Text t) {
            return text(t);
        }
        if (node instanceof QueryNode.Id id) {
            return new TermQuery(new Term(Fields.ID, id.id()));
        }
        if (node instanceof QueryNode.FigureRange r) {
            return new ConstantScoreQuery(RequestFilters.rangeQuery(new RangeFilter(r.figure(), r.min(), r.max())));
        }
        if (node instanceof QueryNode.Not not) {
            return all(List.of(not));
        }
        if (node instanceof QueryNode.All all) {
            return all(all.children());
        }
        if (node instanceof QueryNode.Any any) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            any.children().forEach(c -> b.add(toLucene(c), BooleanClause.Occur.SHOULD));
            return b.build();
        }
        throw new IllegalArgumentException("unknown query node " + node);
    }

    /** Every child; exclusions only ({@code -朋友圈}) mean "every report except". */
    private static Query all(List<QueryNode> children) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (QueryNode c : children) {
            if (c instanceof QueryNode.Not not) {
                b.add(toLucene(not.child()), BooleanClause.Occur.MUST_NOT);
            } else {
                b.add(toLucene(c), BooleanClause.Occur.MUST);
                positive = true;
            }
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return b.build();
    }

    private static Query text(QueryNode.Text t) {
        boolean agency = t.field() == QueryNode.TextField.AGENCY;
        String wordField = agency ? Fields.AGENCY : Fields.TEXT;
        Query exact = ExactPhrase.query(agency ? Fields.AGENCY_EXACT : Fields.TEXT_EXACT, t.text());
        Query words = allWords(wordField, t.words());
        if (t.exact()) {
            // the string decides the match (constant score: scoring a phrase counts every occurrence, matching
            // stops at the first); its smartcn words rank the hits
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new ConstantScoreQuery(exact),
                    BooleanClause.Occur.MUST);
            t.words().forEach(w -> b.add(new TermQuery(new Term(wordField, w)), BooleanClause.Occur.SHOULD));
            return b.build();
        }
        // words in any order, or the text verbatim where smartcn cut the report's text differently; the verbatim
        // alternative is checked only in reports lacking a word (a phrase check reads positions)
        Query verbatimOnly = new BooleanQuery.Builder()
                .add(exact, BooleanClause.Occur.FILTER)
                .add(words, BooleanClause.Occur.MUST_NOT)
                .build();
        return new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.SHOULD)
                .add(new ConstantScoreQuery(verbatimOnly), BooleanClause.Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    private static Query allWords(String field, List<String> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(field, words.get(0)));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        words.forEach(w -> b.add(new TermQuery(new Term(field, w)), BooleanClause.Occur.MUST));
        return b.build();
    }
}
