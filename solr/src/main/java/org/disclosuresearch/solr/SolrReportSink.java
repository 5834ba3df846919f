package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.CursorMarkParams;
import org.disclosuresearch.copies.CopyStore;
import org.disclosuresearch.pipeline.LinkedReports;
import org.disclosuresearch.pipeline.ReaderVersion;
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

    /**
     * Version of what a document holds (the fields {@link SolrDocuments} writes and the configset's analysis), kept with
     * the {@link ReaderVersion} as a collection property: a collection filled by an earlier release is sent every
     * report again by the next update. Bump it with the schema (solr-2: agency key, link keys, derived ratios with
     * their numerators and denominators; solr-3: copy detection's sentence terms, hashes and agency; the collection
     * needs the configset of this release).
     */
    static final String LAYOUT = "solr-3";
    static final String LAYOUT_PROPERTY = "disclosureSearchLayout";
    /** The agencies.csv rules the stored agency keys follow, a collection property beside the layout marker. */
    static final String AGENCY_RULES_PROPERTY = "disclosureSearchAgencyRules";

    private final SolrClient client;
    private final String collection;
    private final boolean ownsClient;
    private final List<SolrInputDocument> batch = new ArrayList<>();
    /**
     * Started with --rebuild and no complete run since: what the collection held is deleted by the first commit and
     * counts for nothing.
     */
    private volatile boolean rebuild;
    /** Rules to record with the next commit ({@link #agencyRules(String)}), or null. */
    private volatile String pendingRules;

    /**
     * @param rebuild drop every report of the collection (at the first commit, so searches see the old reports until
     *                then); the layout marker is cleared at once, so an interrupted rebuild is finished by the next
     *                update
     */
    SolrReportSink(SolrClient client, String collection, boolean ownsClient, boolean rebuild) throws IOException {
        this.client = client;
        this.collection = collection;
        this.ownsClient = ownsClient;
        this.rebuild = rebuild;
        if (rebuild) {
            markLayout(null);
            setProperty(AGENCY_RULES_PROPERTY, null);
            try {
                client.deleteByQuery(collection, "*:*");
            } catch (SolrServerException e) {
                throw new IOException("dropping the reports of " + collection + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Map<String, String> storedHashes() throws IOException {
        Map<String, String> out = new HashMap<>();
        if (rebuild) {
            return out;
        }
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

    @Override
    public boolean outdated() throws IOException {
        return rebuild || !ReaderVersion.marker(LAYOUT).equals(storedLayout());
    }

    /**
     * The collection's layout marker; a client that does not follow ZooKeeper cannot read collection properties, so
     * there every stored report counts as current (change detection by hash only).
     */
    private String storedLayout() {
        if (client instanceof CloudSolrClient cloud) {
            return ZkStateReader.from(cloud).getCollectionProperties(collection).get(LAYOUT_PROPERTY);
        }
        return ReaderVersion.marker(LAYOUT);
    }

    /** @param marker the marker to keep, or null to remove it */
    private void markLayout(String marker) throws IOException {
        setProperty(LAYOUT_PROPERTY, marker);
    }

    /** A collection property (null removes it); nothing for a client that does not follow ZooKeeper. */
    private void setProperty(String name, String value) throws IOException {
        if (!(client instanceof CloudSolrClient)) {
            return;
        }
        try {
            CollectionAdminRequest.setCollectionProperty(collection, name, value).process(client);
        } catch (SolrServerException e) {
            throw new IOException("setting the property " + name + " of " + collection + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The recorded rules; null for a client that cannot read collection properties (every run re-keys then). */
    @Override
    public String agencyRules() {
        if (client instanceof CloudSolrClient cloud) {
            return ZkStateReader.from(cloud).getCollectionProperties(collection).get(AGENCY_RULES_PROPERTY);
        }
        return null;
    }

    /** Kept until the next commit, which sets the property after the reports keyed by these rules are committed. */
    @Override
    public void agencyRules(String canonical) {
        pendingRules = canonical;
    }

    @Override
    public void upsert(Report report, String sha256) throws IOException {
        add(SolrDocuments.toDocument(report, sha256));
    }

    /** Adds the document to the batch, sending the batch when it is full. */
    private void add(SolrInputDocument doc) throws IOException {
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
        if (runComplete && outdated()) {
            markLayout(ReaderVersion.marker(LAYOUT));
            rebuild = false;
        }
        String rules = pendingRules;
        if (rules != null) {
            setProperty(AGENCY_RULES_PROPERTY, rules);
            pendingRules = null;
        }
    }

    /** What is committed: the write path opens it before a run (old versions) and after its commit. */
    @Override
    public CopyStore copyStore() {
        return new SolrCopyStore(client, collection);
    }

    /** What is committed: the write path commits before the linkers read. */
    @Override
    public LinkedReports linkedReports() {
        return new SolrLinkedReports(client, collection);
    }

    /**
     * Re-adds the report with its stored text, hash and indexing time, sent with the next batch or commit: copy
     * detection relinks every affected report, and one request each would cost more than computing its shares.
     */
    @Override
    public void relinked(Report report) throws IOException {
        SolrDocument stored = new SolrLinkedReports(client, collection).stored(report.id());
        if (stored == null) {
            return; // deleted meanwhile
        }
        Object indexedAt = stored.getFirstValue(SolrFields.INDEXED_AT);
        Object hash = stored.getFirstValue(SolrFields.SHA256);
        Report full = report.toBuilder().text((String) stored.getFirstValue(SolrFields.TEXT)).build();
        add(SolrDocuments.toDocument(full, hash == null ? null : hash.toString(),
                indexedAt instanceof Number n ? n.longValue() : System.currentTimeMillis()));
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
