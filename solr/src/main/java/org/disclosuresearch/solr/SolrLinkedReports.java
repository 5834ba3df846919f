package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.disclosuresearch.pipeline.LinkedReports;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The collection's {@link LinkedReports}: what is committed (the write path commits before it relinks), read by link
 * keys (stored, multi-valued {@code link_*} fields) with cursor paging, so any number of reports comes back.
 */
final class SolrLinkedReports implements LinkedReports {
    /** Keys per query: each is a clause, and Solr allows 1,024. */
    private static final int KEYS_PER_QUERY = 500;
    private static final int PAGE = 1000;

    private final SolrClient client;
    private final String collection;

    SolrLinkedReports(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    @Override
    public List<Report> withKeys(String linker, Collection<String> keys) throws IOException {
        List<Report> out = new ArrayList<>();
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
            List<String> part = all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY));
            for (SolrDocument d : all(anyOf(SolrFields.linkKeys(linker), part), SolrFields.REPORT_JSON)) {
                out.add(ReportJson.read((String) d.getFirstValue(SolrFields.REPORT_JSON)));
            }
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> keysOf(String linker, Collection<String> ids) throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(ids);
        String field = SolrFields.linkKeys(linker);
        for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
            for (SolrDocument d : all(anyOf(SolrFields.ID, all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY))),
                    SolrFields.ID, field)) {
                Set<String> keys = new LinkedHashSet<>();
                Collection<Object> values = d.getFieldValues(field);
                if (values != null) {
                    values.forEach(v -> keys.add(v.toString()));
                }
                out.put((String) d.getFirstValue(SolrFields.ID), keys);
            }
        }
        return out;
    }

    /** The stored text, hash and indexing time of a report, or null when it is not stored. */
    SolrDocument stored(String id) throws IOException {
        List<SolrDocument> found = all(anyOf(SolrFields.ID, List.of(id)), SolrFields.ID, SolrFields.TEXT,
                SolrFields.SHA256, SolrFields.INDEXED_AT);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String anyOf(String field, Collection<String> values) {
        return field + ":(" + values.stream().map(v -> "\"" + ClientUtils.escapeQueryChars(v) + "\"")
                .collect(Collectors.joining(" OR ")) + ")";
    }

    private List<SolrDocument> all(String query, String... fields) throws IOException {
        SolrQuery q = new SolrQuery(query).setFields(fields).setRows(PAGE).setSort(SolrFields.ID, SolrQuery.ORDER.asc);
        List<SolrDocument> out = new ArrayList<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r;
            try {
                r = client.query(collection, q);
            } catch (SolrServerException e) {
                throw new IOException("reading " + collection + " failed: " + e.getMessage(), e);
            }
            out.addAll(r.getResults());
            if (cursor.equals(r.getNextCursorMark())) {
                return out;
            }
            cursor = r.getNextCursorMark();
        }
    }

    @Override
    public void close() {
        // the client belongs to the sink
    }
}
