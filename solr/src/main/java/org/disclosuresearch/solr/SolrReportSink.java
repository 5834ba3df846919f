package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.disclosuresearch.pipeline.LinkedReports;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SolrCloud collection as the write path's sink: documents are sent in batches, a commit makes them durable and
 * visible. The pipeline decides what changed, as for the embedded index.
 */
final class SolrReportSink implements ReportSink {
    private static final int BATCH = 100;

    private final SolrClient client;
    private final String collection;
    private final boolean ownsClient;
    private final List<SolrInputDocument> batch = new ArrayList<>();

    SolrReportSink(SolrClient client, String collection, boolean ownsClient) {
        this.client = client;
        this.collection = collection;
        this.ownsClient = ownsClient;
    }

    @Override
    public Map<String, String> storedHashes() throws IOException {
        Map<String, String> out = new HashMap<>();
        SolrQuery q = new SolrQuery("*:*").setFields(SolrFields.ID, SolrFields.SHA256).setRows(1000)
                .setSort(SolrFields.ID, SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(q);
            for (SolrDocument d : r.getResults()) {
                Object hash = d.getFirstValue(SolrFields.SHA256);
                out.put((String) d.getFirstValue(SolrFields.ID), hash == null ? "" : hash.toString());
            }
            if (cursor.equals(r.getNextCursorMark())) {
                return out;
            }
            cursor = r.getNextCursorMark();
        }
    }

    /** A collection is created with the current configset: nothing is stored in an older layout. */
    @Override
    public boolean outdated() {
        return false;
    }

    @Override
    public void upsert(Report report, String sha256) throws IOException {
        SolrInputDocument doc = SolrDocuments.toDocument(report, sha256);
        List<SolrInputDocument> full = null;
        synchronized (batch) {
            batch.add(doc);
            if (batch.size() >= BATCH) {
                full = new ArrayList<>(batch);
                batch.clear();
            }
        }
        if (full != null) {
            send(full);
        }
    }

    @Override
    public void delete(String id) throws IOException {
        try {
            client.deleteById(collection, id);
        } catch (SolrServerException e) {
            throw new IOException("deleting report " + id + " from " + collection + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void commit(boolean runComplete) throws IOException {
        List<SolrInputDocument> rest;
        synchronized (batch) {
            rest = new ArrayList<>(batch);
            batch.clear();
        }
        if (!rest.isEmpty()) {
            send(rest);
        }
        try {
            client.commit(collection);
        } catch (SolrServerException e) {
            throw new IOException("commit to " + collection + " failed: " + e.getMessage(), e);
        }
    }

    /** What is committed: the write path commits before the linkers read. */
    @Override
    public LinkedReports linkedReports() {
        return new SolrLinkedReports(client, collection);
    }

    /** Re-adds the report with its stored text, hash and indexing time (sent with the next batch or commit). */
    @Override
    public void relinked(Report report) throws IOException {
        SolrDocument stored = new SolrLinkedReports(client, collection).stored(report.id());
        if (stored == null) {
            return; // deleted meanwhile
        }
        Object indexedAt = stored.getFirstValue(SolrFields.INDEXED_AT);
        Object hash = stored.getFirstValue(SolrFields.SHA256);
        Report full = report.toBuilder().text((String) stored.getFirstValue(SolrFields.TEXT)).build();
        List<SolrInputDocument> one = List.of(SolrDocuments.toDocument(full, hash == null ? null : hash.toString(),
                indexedAt instanceof Number n ? n.longValue() : System.currentTimeMillis()));
        send(new ArrayList<>(one));
    }

    private void send(List<SolrInputDocument> docs) throws IOException {
        try {
            client.add(collection, docs);
        } catch (SolrServerException e) {
            throw new IOException("sending " + docs.size() + " reports to " + collection + " failed: "
                    + e.getMessage(), e);
        }
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        try {
            return client.query(collection, q);
        } catch (SolrServerException e) {
            throw new IOException("reading " + collection + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (ownsClient) {
            client.close();
        }
    }
}
