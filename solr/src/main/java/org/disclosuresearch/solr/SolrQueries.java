package org.disclosuresearch.solr;

import org.disclosuresearch.query.QueryNode;
import org.disclosuresearch.search.RangeFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query tree in Solr's JSON Query DSL, clause for clause as the embedded backend builds its Lucene query
 * (LuceneQueries): exact strings through the plugin's {@code {!exact}} parser (constant score), smartcn words as
 * {@code {!term}} queries on the word fields (never re-analyzed), figure ranges on the point fields.
 */
final class SolrQueries {
    private SolrQueries() {
    }

    static final String ALL = "*:*";

    static Object toJson(QueryNode node) {
        if (node instanceof QueryNode.Everything) {
            return ALL;
        }
        if (node instanceof QueryNode.Text t) {
            return text(t);
        }
        if (node instanceof QueryNode.Id id) {
            return term(SolrFields.ID, id.id());
        }
        if (node instanceof QueryNode.FigureRange r) {
            return range(new RangeFilter(r.figure(), r.min(), r.max()));
        }
        if (node instanceof QueryNode.Not not) {
            return all(List.of(not));
        }
        if (node instanceof QueryNode.All all) {
            return all(all.children());
        }
        if (node instanceof QueryNode.Any any) {
            List<Object> should = new ArrayList<>();
            any.children().forEach(c -> should.add(toJson(c)));
            return bool(List.of(), should, List.of(), List.of());
        }
        throw new IllegalArgumentException("unknown query node " + node);
    }

    private static Object all(List<QueryNode> children) {
        List<Object> must = new ArrayList<>();
        List<Object> mustNot = new ArrayList<>();
        for (QueryNode c : children) {
            if (c instanceof QueryNode.Not not) {
                mustNot.add(toJson(not.child()));
            } else {
                must.add(toJson(c));
            }
        }
        if (must.isEmpty()) {
            must.add(ALL);
        }
        return bool(must, List.of(), mustNot, List.of());
    }

    private static Object text(QueryNode.Text t) {
        boolean agency = t.field() == QueryNode.TextField.AGENCY;
        String wordField = agency ? SolrFields.AGENCY : SolrFields.TEXT;
        Object exact = exact(agency ? SolrFields.AGENCY_EXACT : SolrFields.TEXT_EXACT, t.text());
        List<Object> words = new ArrayList<>();
        t.words().forEach(w -> words.add(term(wordField, w)));
        if (t.exact()) {
            return bool(List.of(exact), words, List.of(), List.of());
        }
        Object allWords = words.size() == 1 ? words.get(0) : bool(words, List.of(), List.of(), List.of());
        Object verbatimOnly = bool(List.of(exact), List.of(), List.of(allWords), List.of());
        return bool(List.of(), List.of(allWords, verbatimOnly), List.of(), List.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    static Object exact(String field, String text) {
        return Map.of("exact", Map.of("f", field, "query", text));
    }

    /** Any of the values in a keyword field (at most a few hundred: each is a clause). */
    static Object anyTerm(String field, java.util.Collection<String> values) {
        return Map.of("bool", Map.of("should", values.stream().map(v -> term(field, v)).toList()));
    }

    static Object term(String field, String value) {
        return Map.of("term", Map.of("f", field, "query", value));
    }

    /** A range as the embedded backend filters it: counts and years between whole bounds, 万元 as given. */
    static Object range(RangeFilter r) {
        String field = SolrFields.figure(r.field());
        boolean decimal = field.startsWith("figd_");
        String lo = r.min() == null ? "*" : decimal ? Double.toString(r.min()) : Long.toString(r.minWhole());
        String hi = r.max() == null ? "*" : decimal ? Double.toString(r.max()) : Long.toString(r.maxWhole());
        return Map.of("lucene", Map.of("query", field + ":[" + lo + " TO " + hi + "]"));
    }

    static Object bool(List<Object> must, List<Object> should, List<Object> mustNot, List<Object> filter) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (!must.isEmpty()) {
            b.put("must", must);
        }
        if (!should.isEmpty()) {
            b.put("should", should);
        }
        if (!mustNot.isEmpty()) {
            b.put("must_not", mustNot);
        }
        if (!filter.isEmpty()) {
            b.put("filter", filter);
        }
        return Map.of("bool", b);
    }
}
