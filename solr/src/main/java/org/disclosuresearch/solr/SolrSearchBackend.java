package org.disclosuresearch.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.query.Highlights;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryLanguage;
import org.disclosuresearch.query.QueryNode;
import org.disclosuresearch.report.DerivedFigures;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportJson;
import org.disclosuresearch.search.FacetResults;
import org.disclosuresearch.search.FacetSelection;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.search.RangeFilter;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.disclosuresearch.search.SortSpec;
import org.disclosuresearch.search.StatsRequest;
import org.disclosuresearch.search.TextWindow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Searches a SolrCloud collection: the same requests, the same answers as the embedded backend. The query tree is
 * translated by {@link SolrQueries}; facet selections are tagged filters whose own dimension is counted without them
 * (JSON facets, excludeTags: the sideways counts); aggregates are JSON facet functions; deep pages come by cursorMark;
 * snippets and marks come from the stored text and the same tree ({@link Highlights}).
 */
public final class SolrSearchBackend implements SearchBackend {
    private static final int EXPORT_PAGE = 500;
    /** Prefix of a bucket's functions: a bucket's own "count" is its number of reports. */
    private static final String BUCKET = "v_";

    private final SolrClient client;
    private final String collection;
    private final boolean ownsClient;

    SolrSearchBackend(SolrClient client, String collection, boolean ownsClient) {
        this.client = client;
        this.collection = collection;
        this.ownsClient = ownsClient;
    }

    private static QueryNode parse(String query, MatchMode match) {
        return QueryLanguage.parse(query, match, Analyzers.wordSegmenter());
    }

    @Override
    public SearchResult search(SearchRequest request) {
        if (request.size() < 0 || request.size() > SearchRequest.MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "page size must be between 0 and "
                    + SearchRequest.MAX_PAGE_SIZE + ", got " + request.size());
        }
        QueryNode tree = parse(request.query(), request.match());
        Cursor cursor = Cursor.decode(request.sort(), request.cursor());
        JsonQueryRequest q = base(request, tree)
                .setLimit(request.size())
                .setSort(sort(request.sort()))
                .returnFields(SolrFields.ID, SolrFields.REPORT_JSON, SolrFields.TEXT, SolrFields.SCORE)
                .withParam(CursorMarkParams.CURSOR_MARK_PARAM, cursor.mark());
        Map<String, Object> facets = new LinkedHashMap<>();
        for (String dim : FacetSelection.DIMENSIONS) {
            Map<String, Object> f = terms(SolrFields.facetCount(dim));
            if (request.facets().containsKey(dim)) {
                f.put("domain", Map.of("excludeTags", List.of(dim)));
            }
            facets.put("d_" + dim, f);
        }
        for (int i = 0; i < request.stats().size(); i++) {
            StatsRequest s = request.stats().get(i);
            facets.putAll(functions("s" + i + "_", s.field()));
            if (s.by() != null) {
                Map<String, Object> by = terms(SolrFields.facetCount(s.by()));
                by.put("facet", functions(BUCKET, s.field()));
                facets.put("s" + i + "_by", by);
            }
        }
        facets.forEach((name, facet) -> {
            if (facet instanceof String function) {
                q.withStatFacet(name, function);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) facet;
                q.withFacet(name, m);
            }
        });
        QueryResponse r = run(q);

        List<SearchResult.Hit> hits = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            Report report = report(d);
            Highlights.Hit marked = Highlights.hit(tree, (String) d.getFirstValue(SolrFields.TEXT));
            Object score = d.getFirstValue(SolrFields.SCORE);
            hits.add(SearchResult.Hit.of(report, score instanceof Number n ? n.floatValue() : 0f,
                    marked.snippets(), marked.matchCount()));
        }
        long total = r.getResults().getNumFound();
        long seen = cursor.seen() + hits.size();
        String next = seen < total && !hits.isEmpty()
                ? new Cursor(request.sort(), r.getNextCursorMark(), seen).encode() : null;

        NestableJsonFacet root = r.getJsonFacetingResponse();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String dim : FacetSelection.DIMENSIONS) {
            counts.put(dim, buckets(root, "d_" + dim));
        }
        List<SearchResult.Stats> stats = new ArrayList<>();
        for (int i = 0; i < request.stats().size(); i++) {
            stats.add(stats(root, i, request.stats().get(i)));
        }
        SearchResult result = new SearchResult(total, hits, FacetResults.of(counts), stats, next);
        return total == 0 ? withWordMatchTotal(request, result) : result;
    }

    /** The query, and the filters tagged by dimension (a dimension's counts leave its own selection out). */
    private static JsonQueryRequest base(SearchRequest request, QueryNode tree) {
        JsonQueryRequest q = query(SolrQueries.toJson(tree));
        for (Map.Entry<String, List<String>> e : request.facets().entrySet()) {
            FacetSelection.requireDimension(e.getKey());
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            List<Object> any = new ArrayList<>();
            e.getValue().forEach(v -> any.add(SolrQueries.term(SolrFields.facetFilter(e.getKey()), v)));
            q.withFilter(Map.of("#" + e.getKey(), SolrQueries.bool(List.of(), any, List.of(), List.of())));
        }
        for (RangeFilter range : request.ranges()) {
            q.withFilter(SolrQueries.asMap(SolrQueries.range(range)));
        }
        return q;
    }

    private static JsonQueryRequest query(Object json) {
        return json instanceof String s ? new JsonQueryRequest().setQuery(s)
                : new JsonQueryRequest().setQuery(SolrQueries.asMap(json));
    }

    private SearchResult withWordMatchTotal(SearchRequest request, SearchResult result) {
        if (request.match() != MatchMode.EXACT || request.query().isBlank()) {
            return result;
        }
        QueryNode words = parse(request.query(), MatchMode.WORDS);
        long count = 0;
        if (!words.equals(parse(request.query(), MatchMode.EXACT))) {
            count = run(base(request, words).setLimit(0)).getResults().getNumFound();
        }
        return new SearchResult(result.total(), result.hits(), result.facets(), result.stats(), result.nextCursor(),
                count);
    }

    private static Map<String, Object> terms(String field) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "terms");
        f.put("field", field);
        f.put("limit", -1);
        f.put("mincount", 1);
        return f;
    }

    private static Map<String, Object> functions(String prefix, String figure) {
        String field = SolrFields.figure(figure);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(prefix + "count", "countvals(" + field + ")");
        f.put(prefix + "sum", "sum(" + field + ")");
        f.put(prefix + "min", "min(" + field + ")");
        f.put(prefix + "max", "max(" + field + ")");
        if (DerivedFigures.find(figure).isPresent()) {
            f.put(prefix + "num", "sum(" + SolrFields.ratioNumerator(figure) + ")");
            f.put(prefix + "den", "sum(" + SolrFields.ratioDenominator(figure) + ")");
        }
        return f;
    }

    private static Map<String, Long> buckets(NestableJsonFacet parent, String name) {
        Map<String, Long> out = new HashMap<>();
        BucketBasedJsonFacet f = parent.getBucketBasedFacets(name);
        if (f != null) {
            for (BucketJsonFacet b : f.getBuckets()) {
                out.put(String.valueOf(b.getVal()), b.getCount());
            }
        }
        return out;
    }

    private static SearchResult.Stats stats(NestableJsonFacet root, int i, StatsRequest s) {
        DerivedFigures.Ratio ratio = DerivedFigures.find(s.field()).orElse(null);
        SearchResult.Summary overall = summary(root, "s" + i + "_", ratio);
        List<SearchResult.Bucket> buckets = new ArrayList<>();
        BucketBasedJsonFacet by = s.by() == null ? null : root.getBucketBasedFacets("s" + i + "_by");
        if (by != null) {
            for (BucketJsonFacet b : by.getBuckets()) {
                SearchResult.Summary summary = summary(b, BUCKET, ratio);
                if (summary.count() > 0) { // a value whose reports all lack the figure has no bucket, as embedded
                    buckets.add(new SearchResult.Bucket(String.valueOf(b.getVal()), summary));
                }
            }
        }
        buckets.sort((a, b) -> a.summary().sum() != b.summary().sum()
                ? Double.compare(b.summary().sum(), a.summary().sum()) : a.value().compareTo(b.value()));
        return new SearchResult.Stats(s.field(), s.by(), overall, buckets);
    }

    /** As the embedded backend: a ratio's mean is Σ numerator / Σ denominator (+ its offset), not a mean of ratios. */
    private static SearchResult.Summary summary(NestableJsonFacet f, String prefix, DerivedFigures.Ratio ratio) {
        Object count = f.getStatValue(prefix + "count");
        long n = count instanceof Number c ? c.longValue() : 0;
        if (n == 0) {
            return new SearchResult.Summary(0, 0, null, null, null);
        }
        double sum = ((Number) f.getStatValue(prefix + "sum")).doubleValue();
        double min = ((Number) f.getStatValue(prefix + "min")).doubleValue();
        double max = ((Number) f.getStatValue(prefix + "max")).doubleValue();
        if (ratio == null) {
            return new SearchResult.Summary(n, sum, min, max, sum / n);
        }
        double num = ((Number) f.getStatValue(prefix + "num")).doubleValue();
        double den = ((Number) f.getStatValue(prefix + "den")).doubleValue();
        return new SearchResult.Summary(n, sum, min, max, den > 0 ? num / den + ratio.offset() : null, num, den);
    }

    @Override
    public List<Report> linkedReports(String linker, java.util.Collection<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        JsonQueryRequest q = query(SolrQueries.anyTerm(SolrFields.linkKeys(linker), keys)).setLimit(limit)
                .setSort(SolrFields.ID + " asc").returnFields(SolrFields.REPORT_JSON);
        List<Report> out = new ArrayList<>();
        for (SolrDocument d : run(q).getResults()) {
            out.add(report(d));
        }
        return out;
    }

    /** Relevance, year or a figure, reports lacking the value last either way, ties by id (a total order). */
    private static String sort(SortSpec spec) {
        if (spec.isRelevance()) {
            return SolrFields.SCORE + " desc," + SolrFields.ID + " asc";
        }
        return SolrFields.figure(spec.field()) + (spec.descending() ? " desc," : " asc,") + SolrFields.ID + " asc";
    }

    private QueryResponse run(JsonQueryRequest q) {
        try {
            return q.process(client, collection);
        } catch (SolrServerException | IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } catch (SolrException e) {
            if (e.code() == 400 && String.valueOf(e.getMessage()).contains("ursor")) {
                throw new InvalidRequestException("cursor", "the cursor is not valid for this search; start again "
                        + "from the first page");
            }
            throw e;
        }
    }

    private static Report report(SolrDocument d) {
        try {
            return ReportJson.read((String) d.getFirstValue(SolrFields.REPORT_JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("stored report is not valid JSON", e);
        }
    }

    private Optional<SolrDocument> document(String id, String... fields) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        JsonQueryRequest q = query(SolrQueries.term(SolrFields.ID, id)).setLimit(1)
                .returnFields(fields);
        List<SolrDocument> found = run(q).getResults();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Optional<Report> report(String id) {
        return document(id, SolrFields.REPORT_JSON, SolrFields.TEXT).map(d -> report(d).toBuilder()
                .text((String) d.getFirstValue(SolrFields.TEXT)).build());
    }

    @Override
    public Optional<TextWindow> highlightedText(String id, String query, MatchMode match, int offset, int length) {
        QueryNode tree = parse(query, match); // a syntax error fails before any lookup; no query marks nothing
        return document(id, SolrFields.TEXT).map(d -> {
            Highlights.Window w = Highlights.window(tree, (String) d.getFirstValue(SolrFields.TEXT), offset, length);
            return new TextWindow(w.html(), w.from(), w.to(), w.length(), w.matches());
        });
    }

    @Override
    public void export(SearchRequest request, Consumer<Report> sink) {
        QueryNode tree = parse(request.query(), request.match());
        Cursor cursor = Cursor.decode(request.sort(), request.cursor());
        String mark = cursor.mark();
        while (true) {
            QueryResponse r = run(base(request, tree).setLimit(EXPORT_PAGE).setSort(sort(request.sort()))
                    .returnFields(SolrFields.REPORT_JSON).withParam(CursorMarkParams.CURSOR_MARK_PARAM, mark));
            for (SolrDocument d : r.getResults()) {
                sink.accept(report(d));
            }
            if (r.getResults().size() < EXPORT_PAGE || mark.equals(r.getNextCursorMark())) {
                return;
            }
            mark = r.getNextCursorMark();
        }
    }

    /** The feed's newest matching reports: sorted by the time the sink wrote them, newest first, ties by id. */
    @Override
    public List<IndexedReport> newest(SearchRequest request, int limit) {
        QueryNode tree = parse(request.query(), request.match());
        QueryResponse r = run(base(request, tree).setLimit(Math.max(1, limit))
                .setSort(SolrFields.INDEXED_AT + " desc," + SolrFields.ID + " asc")
                .returnFields(SolrFields.REPORT_JSON + "," + SolrFields.INDEXED_AT));
        List<IndexedReport> out = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            Object at = d.getFirstValue(SolrFields.INDEXED_AT);
            out.add(new IndexedReport(report(d),
                    Instant.ofEpochMilli(at instanceof Number n ? n.longValue() : 0)));
        }
        return out;
    }

    @Override
    public long size() {
        return run(query(SolrQueries.ALL).setLimit(0)).getResults().getNumFound();
    }

    @Override
    public void close() throws IOException {
        if (ownsClient) {
            client.close();
        }
    }

    /**
     * The API's opaque cursor: the sort it belongs to, Solr's cursorMark and how many hits came before (so that the
     * last page offers no cursor to an empty one).
     */
    record Cursor(SortSpec sort, String mark, long seen) {
        static Cursor decode(SortSpec sort, String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return new Cursor(sort, CursorMarkParams.CURSOR_MARK_START, 0);
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\n", 3);
                if (parts.length == 3 && parts[0].equals(sort.toString())) {
                    return new Cursor(sort, parts[2], Long.parseLong(parts[1]));
                }
            } catch (IllegalArgumentException e) {
                // not one of ours: refused below
            }
            throw new InvalidRequestException("cursor", "the cursor '" + cursor + "' does not belong to this search "
                    + "(sort " + sort + "); start again from the first page");
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((sort + "\n" + seen + "\n" + mark)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
