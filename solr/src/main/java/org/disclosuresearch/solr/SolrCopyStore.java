package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.disclosuresearch.copies.CopyStore;
import org.disclosuresearch.report.ReportJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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

    /**
     * The sentences of the reports read here ({@link #stored}, {@link #sentenceHashes}) whose holders are not yet
     * known, each naming its report's sentences: the first lookup of one fetches them all ({@link #prefetch}), as
     * copy detection next asks for every sentence of the report it read. A store the caller only reads reports from
     * (the view before a run) queries nothing more.
     */
    private final Map<String, Sentences> pending = new ConcurrentHashMap<>();
    /** How many reports hold each sentence, as counted by a prefetch or a counting request (cleared when full). */
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    /** Sentences held by more reports than this are looked up one by one when asked (template wording is cached). */
    static final int PREFETCHED_HOLDERS = 100;
    /** Most sentences fetched in one request (each is a facet query of the first request). */
    private static final int PREFETCH_BATCH = 400;

    private record Sentences(int year, long[] hashes) {
    }

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
        Sentences report = pending.remove(term);
        if (report != null && !lookups.containsKey(term)) {
            prefetch(report);
        }
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
        remember(term, new Lookup(limit, List.copyOf(out)));
        return out;
    }

    /** How many reports hold the sentence: from the report's prefetch when there was one, else one counting request. */
    @Override
    public int holderCount(int year, long hash, int cap) throws IOException {
        String term = SolrFields.sentenceTerm(year, hash);
        Sentences report = pending.remove(term);
        if (report != null && !lookups.containsKey(term)) {
            prefetch(report);
        }
        Integer n = counts.get(term);
        if (n == null) {
            n = (int) query(new SolrQuery(term(SolrFields.COPY_SENTENCE, term)).setRows(0)).getResults().getNumFound();
            rememberCount(term, n);
        }
        return Math.min(n, cap + 1);
    }

    private void rememberCount(String term, int n) {
        if (counts.size() >= CACHED_LOOKUPS) {
            counts.clear();
        }
        counts.put(term, n);
    }

    private void remember(String term, Lookup lookup) {
        if (lookups.size() >= CACHED_LOOKUPS) {
            lookups.clear();
        }
        lookups.put(term, lookup);
    }

    /** Notes a report's sentences, to be fetched at once when copy detection asks for one of them. */
    private void read(Object year, long[] hashes) {
        if (!(year instanceof Number y) || hashes.length == 0) {
            return;
        }
        if (pending.size() >= CACHED_LOOKUPS) {
            pending.clear();
        }
        Sentences report = new Sentences(y.intValue(), hashes);
        for (long h : hashes) {
            pending.put(SolrFields.sentenceTerm(report.year(), h), report);
        }
    }

    /**
     * The holders of a report's sentences in two requests instead of one per sentence: how many reports hold each
     * (a facet query each), then every report holding one of those held by few, with its sentence hashes, which say
     * which of the sentences it holds. Those lists are complete, so they answer any limit.
     */
    private void prefetch(Sentences report) throws IOException {
        List<String> terms = new ArrayList<>();
        Map<String, Long> hashOf = new HashMap<>();
        for (long h : report.hashes()) {
            String term = SolrFields.sentenceTerm(report.year(), h);
            if (!lookups.containsKey(term) && hashOf.put(term, h) == null) {
                terms.add(term);
            }
        }
        for (int i = 0; i < terms.size(); i += PREFETCH_BATCH) {
            prefetch(report.year(), terms.subList(i, Math.min(terms.size(), i + PREFETCH_BATCH)), hashOf);
        }
    }

    private void prefetch(int year, List<String> terms, Map<String, Long> hashOf) throws IOException {
        SolrQuery counting = new SolrQuery("*:*").setRows(0).setFacet(true).setFacetMinCount(0);
        for (String t : terms) {
            counting.addFacetQuery(term(SolrFields.COPY_SENTENCE, t));
        }
        Map<String, Integer> counted = query(counting).getFacetQuery();
        Map<Long, List<Holder>> few = new HashMap<>();
        long rows = 0;
        for (String t : terms) {
            Integer n = counted == null ? null : counted.get(term(SolrFields.COPY_SENTENCE, t));
            if (n != null) {
                rememberCount(t, n);
            }
            if (n != null && n <= PREFETCHED_HOLDERS) {
                few.put(hashOf.get(t), new ArrayList<>());
                rows += n;
            }
        }
        if (few.isEmpty()) {
            return;
        }
        if (rows > 0) {
            String wanted = few.keySet().stream().map(h -> SolrFields.sentenceTerm(year, h))
                    .collect(Collectors.joining(","));
            SolrQuery q = new SolrQuery("{!terms f=" + SolrFields.COPY_SENTENCE + "}" + wanted)
                    .setFields(HOLDER).addField(SolrFields.COPY_HASHES).setRows((int) rows)
                    .setSort(SolrFields.ID, SolrQuery.ORDER.asc);
            for (SolrDocument d : query(q).getResults()) {
                Holder holder = holder(d);
                Collection<Object> held = d.getFieldValues(SolrFields.COPY_HASHES);
                if (held == null || holder.year() != year) {
                    continue;
                }
                for (Object h : held) {
                    List<Holder> list = few.get(((Number) h).longValue());
                    if (list != null) {
                        list.add(holder);
                    }
                }
            }
        }
        for (Map.Entry<Long, List<Holder>> e : few.entrySet()) {
            String t = SolrFields.sentenceTerm(year, e.getKey());
            // a count that disagrees (the collection changed between the requests) leaves the lookup to holders()
            if (e.getValue().size() == counted.get(term(SolrFields.COPY_SENTENCE, t))) {
                remember(t, new Lookup(Integer.MAX_VALUE, List.copyOf(e.getValue())));
            }
        }
    }

    @Override
    public Holder report(String id) throws IOException {
        SolrDocument d = byId(id, HOLDER);
        return d == null ? null : holder(d);
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
        SolrDocument d = byId(id, SolrFields.COPY_HASHES, SolrFields.YEAR);
        long[] hashes = hashes(d);
        if (d != null) {
            read(d.getFirstValue(SolrFields.YEAR), hashes);
        }
        return hashes;
    }

    private static long[] hashes(SolrDocument d) {
        Collection<Object> values = d == null ? null : d.getFieldValues(SolrFields.COPY_HASHES);
        if (values == null) {
            return new long[0];
        }
        return values.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
    }

    @Override
    public Stored stored(String id) throws IOException {
        SolrDocument d = byId(id, SolrFields.REPORT_JSON, SolrFields.TEXT, SolrFields.SHA256, SolrFields.COPY_HASHES,
                SolrFields.YEAR);
        if (d == null) {
            return null;
        }
        read(d.getFirstValue(SolrFields.YEAR), hashes(d));
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
            return client.query(collection, q, SolrRequest.METHOD.POST); // hundreds of terms: too long for a URL
        } catch (SolrServerException e) {
            throw new IOException("copy detection reading " + collection + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the client belongs to the sink
    }
}
