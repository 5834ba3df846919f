package org.disclosuresearch.solr.analysis;

import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.disclosuresearch.index.ExactPhrase;

/**
 * {@code {!exact f=text_exact}依申请公开}: the exact-phrase query the embedded index runs (bigrams at their offsets,
 * the rarest cover chosen per index; one character through the characters field), constant-scored as there. The
 * text is not analyzed by Solr: the bigrams are the phrase's own, never the analyzer's end-of-text unigram.
 */
public final class ExactPhraseQParserPlugin extends QParserPlugin {

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                String field = localParams == null ? null : localParams.get("f");
                if (field == null) {
                    throw new SyntaxError("{!exact} needs f=text_exact or f=agency_exact");
                }
                Query exact;
                try {
                    exact = ExactPhrase.query(field, qstr == null ? "" : qstr);
                } catch (IllegalArgumentException e) {
                    throw new SyntaxError(e.getMessage());
                }
                return exact == null ? new MatchNoDocsQuery("empty phrase") : new ConstantScoreQuery(exact);
            }
        };
    }
}
