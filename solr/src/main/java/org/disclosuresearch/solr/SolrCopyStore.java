package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.disclosuresearch.copies.CopyStore;
import org.disclosuresearch.report.ReportJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copy detection's reads on the collection: term queries on the sentence and agency fields ({@link SolrDocuments}
 * writes them), stored fields for a holder's id, agency and year. It sees what is committed, as {@link
 * SolrLinkedReports} does: the write path opens one before a run (the old versions, which stay visible until the
 * run's commit) and one after the run's commit. Thread-safe (the client is).
 */
final class SolrCopyStore implements CopyStore {

    private static final String[] HOLDER = {SolrFields.ID, SolrFields.COPY_AGENCY, SolrFields.COPY_AGENCY_NAME,
            SolrFields.YEAR};

    private final SolrClient client;
    private final String collection;
    /** Most sentence lookups a store keeps (about 100 bytes each, plus the holders of the short lists). */
    static final int CACHED_LOOKUPS = 200_000;

    private final Map<Integer, Integer> reportsOfYear = new ConcurrentHashMap<>();
    /**
     * The holders of a sentence as last fetched, with the limit they were fetched for. Every report holding a sentence
     * asks for it (template wording: hundreds of reports), and each lookup is a distributed query of a few
     * milliseconds, so a store answers a term once: the view is committed and a run's relinked reports keep their
     * sentences. Cleared when full, which bounds it.
     */
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

    private record Lookup(int limit, List<Holder> holders) {
        /** The answer for {@code asked}, or null when this one was cut shorter than that needs. */
        List<Holder> answer(int asked) {
            if (holders.size() <= limit) {
                return holders.subList(0, Math.min(holders.size(), asked + 1)); // all of them
            }
            return asked <= limit ? holders.subList(0, asked + 1) : null;
        }
    }

    SolrCopyStore(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    @Override
    public int reportsOfYear(int year) throws IOException {
        Integer n = reportsOfYear.get(year);
        if (n == null) {
            n = (int) query(new SolrQuery(SolrFields.YEAR + ":" + year).setRows(0)).getResults().getNumFound();
            reportsOfYear.put(year, n);
        }
        return n;
    }

    /** In id order (the embedded index answers in its own order; which holders come back matters only up to limit). */
    @Override
    public List<Holder> holders(int year, long hash, int limit) throws IOException {
        String term = SolrFields.sentenceTerm(year, hash);
        Lookup cached = lookups.get(term);
        List<Holder> answer = cached == null ? null : cached.answer(limit);
        if (answer != null) {
            return new ArrayList<>(answer);
        }
        SolrQuery q = new SolrQuery(term(SolrFields.COPY_SENTENCE, term))
                .setFields(HOLDER).setRows(limit + 1).setSort(SolrFields.ID, SolrQuery.ORDER.asc);
        List<Holder> out = new ArrayList<>();
        for (SolrDocument d : query(q).getResults()) {
            out.add(holder(d));
        }
        if (lookups.size() >= CACHED_LOOKUPS) {
            lookups.clear();
        }
        lookups.put(term, new Lookup(limit, List.copyOf(out)));
        return out;
    }

    @Override
    public Holder previousReport(String agencyKey, int year) throws IOException {
        return neighbour(agencyKey, "[* TO " + (year - 1) + "]", SolrQuery.ORDER.desc);
    }

    @Override
    public Holder nextReport(String agencyKey, int year) throws IOException {
        return neighbour(agencyKey, "[" + (year + 1) + " TO *]", SolrQuery.ORDER.asc);
    }

    /** The agency's report of the nearest year in the range; of equal years the smallest id, as the embedded index. */
    private Holder neighbour(String agencyKey, String years, SolrQuery.ORDER nearestFirst) throws IOException {
        SolrQuery q = new SolrQuery(term(SolrFields.COPY_AGENCY, agencyKey))
                .addFilterQuery(SolrFields.YEAR + ":" + years).setFields(HOLDER).setRows(1)
                .addSort(SolrFields.YEAR, nearestFirst).addSort(SolrFields.ID, SolrQuery.ORDER.asc);
        SolrDocumentList found = query(q).getResults();
        return found.isEmpty() ? null : holder(found.get(0));
    }

    private static Holder holder(SolrDocument d) {
        Object year = d.getFirstValue(SolrFields.YEAR);
        return new Holder((String) d.getFirstValue(SolrFields.ID), (String) d.getFirstValue(SolrFields.COPY_AGENCY),
                (String) d.getFirstValue(SolrFields.COPY_AGENCY_NAME), year instanceof Number n ? n.intValue() : 0);
    }

    @Override
    public long[] sentenceHashes(String id) throws IOException {
        SolrDocument d = byId(id, SolrFields.COPY_HASHES);
        Collection<Object> values = d == null ? null : d.getFieldValues(SolrFields.COPY_HASHES);
        if (values == null) {
            return new long[0];
        }
        return values.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
    }

    @Override
    public Stored stored(String id) throws IOException {
        SolrDocument d = byId(id, SolrFields.REPORT_JSON, SolrFields.TEXT, SolrFields.SHA256);
        if (d == null) {
            return null;
        }
        Object hash = d.getFirstValue(SolrFields.SHA256);
        return new Stored(ReportJson.read((String) d.getFirstValue(SolrFields.REPORT_JSON)).toBuilder()
                .text((String) d.getFirstValue(SolrFields.TEXT)).build(), hash == null ? null : hash.toString());
    }

    private SolrDocument byId(String id, String... fields) throws IOException {
        SolrDocumentList found = query(new SolrQuery(term(SolrFields.ID, id)).setFields(fields).setRows(1))
                .getResults();
        return found.isEmpty() ? null : found.get(0);
    }

    /** One exact term, whatever characters it holds (no query syntax to escape). */
    private static String term(String field, String value) {
        return "{!term f=" + field + "}" + value;
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        try {
            return client.query(collection, q);
        } catch (SolrServerException e) {
            throw new IOException("copy detection reading " + collection + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the client belongs to the sink
    }
}
