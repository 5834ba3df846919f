package org.disclosuresearch.search;

import java.time.Instant;
import org.apache.lucene.search.SortField;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.index.Fields;
import org.disclosuresearch.index.HitFields;
import org.disclosuresearch.index.IndexHealth;
import org.disclosuresearch.index.ReportDocuments;
import org.disclosuresearch.index.ReportTexts;
import org.disclosuresearch.query.Highlights;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryLanguage;
import org.disclosuresearch.query.QueryNode;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded Lucene backend. Reads through a SearcherManager, so searches keep working (on the last complete
 * commit) while an {@link org.disclosuresearch.index.Indexer} commits to the same directory.
 */
public final class LuceneSearchBackend implements SearchBackend {

    /** Largest page a request may ask for; deeper results come by cursor. */
    public static final int MAX_PAGE_SIZE = SearchRequest.MAX_PAGE_SIZE;
    private static final long REFRESH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Set<String> STORED_FOR_HIT = Set.of(Fields.REPORT_JSON);

    private final Directory directory;
    private final SearcherManager manager;
    private final SearchCounts recentCounts;
    private volatile long lastRefresh = System.nanoTime();

    private LuceneSearchBackend(Directory directory, SearcherManager manager, SearchCounts recentCounts) {
        this.directory = directory;
        this.manager = manager;
        this.recentCounts = recentCounts;
    }

    /**
     * Opens the index in {@code indexDir}; an empty index is created when the folder is missing or empty. A folder
     * that holds other files but no index is refused: a mistyped {@code --index data/sample} must not write Lucene
     * files into the corpus. Recent searches' counts are remembered (see {@link SearchCounts}).
     */
    public static LuceneSearchBackend open(Path indexDir) throws IOException {
        return open(indexDir, true);
    }

    /**
     * As {@link #open(Path)}; with {@code rememberCounts} false every search counts all its matches again, which is
     * what the benchmark times as the engine's work on a search (a remembered count would flatter a repeated query).
     */
    public static LuceneSearchBackend open(Path indexDir, boolean rememberCounts) throws IOException {
        Files.createDirectories(indexDir);
        Directory directory = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                if (directory.listAll().length > 0) {
                    throw new IOException(indexDir + " holds files but no index; give an index folder (one made by "
                            + "the index command) or an empty one");
                }
                try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(Analyzers.perField()))) {
                    w.commit();
                }
            }
            return new LuceneSearchBackend(directory, new SearcherManager(directory, new SlicedSearcherFactory()),
                    new SearchCounts(rememberCounts ? SearchCounts.DEFAULT_MAX_WEIGHT : 0));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Makes the latest commit visible to later searches (searches also refresh on their own, at most once a second). */
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
        lastRefresh = System.nanoTime();
    }

    private IndexSearcher acquire() throws IOException {
        if (System.nanoTime() - lastRefresh > REFRESH_EVERY_NANOS) {
            lastRefresh = System.nanoTime();
            manager.maybeRefresh(); // non-blocking: a search never waits for another thread's refresh
        }
        return manager.acquire();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        if (request.size() < 0 || request.size() > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "page size must be between 0 and " + MAX_PAGE_SIZE
                    + ", got " + request.size());
        }
        QueryNode tree = parse(request.query(), request.match());
        Query userQuery = LuceneQueries.toLucene(tree);
        RequestFilters filters = new RequestFilters(request);
        Sort sort = SortAndCursor.sort(request.sort());
        SortAndCursor.decode(request.sort(), request.cursor(), 1); // a bad cursor fails before any searching
        try {
            IndexSearcher searcher = acquire();
            try {
                FieldDoc after = SortAndCursor.decode(request.sort(), request.cursor(),
                        searcher.getIndexReader().maxDoc());
                SearchResult result = search(searcher, request, tree, userQuery, filters, sort, after);
                return result.total() == 0 ? withWordMatchTotal(searcher, request, result, filters) : result;
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        }
    }

    private static QueryNode parse(String query, MatchMode match) {
        return QueryLanguage.parse(query, match, Analyzers.wordSegmenter());
    }

    /**
     * An exact search that found nothing says how many reports matching words would find (the page offers 按词匹配),
     * when that is a different search at all.
     */
    private static SearchResult withWordMatchTotal(IndexSearcher searcher, SearchRequest request, SearchResult result,
                                                   RequestFilters filters) throws IOException {
        if (request.match() != MatchMode.EXACT || request.query().isBlank()) {
            return result;
        }
        QueryNode words = parse(request.query(), MatchMode.WORDS);
        long count = words.equals(parse(request.query(), MatchMode.EXACT)) ? 0
                : searcher.count(filters.apply(LuceneQueries.toLucene(words), null));
        return new SearchResult(result.total(), result.hits(), result.facets(), result.stats(), result.nextCursor(),
                count);
    }

    private SearchResult search(IndexSearcher searcher, SearchRequest request, QueryNode tree, Query userQuery,
                                RequestFilters filters, Sort sort, FieldDoc after) throws IOException {
        Query query = filters.apply(userQuery, null);
        // one hit beyond the page tells whether a next page exists: the last page offers no cursor to an empty one
        int n = Math.max(1, request.size()) + 1;
        Object version = searcher.getIndexReader().getReaderCacheHelper().getKey();
        SearchCounts.Key key = SearchCounts.Key.of(request);
        SearchCounts.Counts counts = recentCounts.get(version, key);
        TopDocs top;
        if (counts != null) {
            // the page alone: collection may skip what cannot make it (the total is known)
            top = searcher.searchAfter(after, query, n, sort, false);
        } else {
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.searchAfter(searcher, after, query, n,
                    sort, false, new FacetsCollectorManager());
            top = result.topDocs();
            counts = count(searcher, request, userQuery, filters, result.facetsCollector());
            recentCounts.put(version, key, counts);
        }
        boolean more = top.scoreDocs.length > request.size();
        ScoreDoc[] page = Arrays.copyOf(top.scoreDocs, Math.min(top.scoreDocs.length, request.size()));
        if (!request.sort().isRelevance() && page.length > 0) {
            TopFieldCollector.populateScores(page, searcher, userQuery);
        }

        List<SearchResult.Hit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < page.length; i++) {
            HitFields r;
            Highlights.Hit marked;
            try {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(page[i].doc, leaves));
                r = hitFields(leaf, stored, page[i].doc);
                marked = Highlights.hit(tree, ReportTexts.of(leaf.reader(), page[i].doc - leaf.docBase));
            } catch (IOException | RuntimeException e) {
                throw damaged(IndexHealth.idOf(searcher.getIndexReader(), page[i].doc), e);
            }
            float score = request.sort().isRelevance() && page[i] instanceof FieldDoc fd
                    && fd.fields[0] instanceof Float f ? f : page[i].score;
            score = Float.isNaN(score) ? 0f : score;
            hits.add(new SearchResult.Hit(r.id(), r.agency(), r.year(), r.region(), r.agencyType(), r.template(), score,
                    marked.snippets(), marked.matchCount(), r.figures(), r.failedChecks(), r.agencyKey(),
                    r.derivedFigures()));
        }
        String nextCursor = more && page.length > 0 && page[page.length - 1] instanceof FieldDoc last
                ? SortAndCursor.encode(request.sort(), last) : null;
        return new SearchResult(counts.total(), hits, counts.facets(), counts.stats(), nextCursor);
    }

    /** The exact total, facet counts and aggregates over every match. */
    private static SearchCounts.Counts count(IndexSearcher searcher, SearchRequest request, Query userQuery,
                                             RequestFilters filters, FacetsCollector matching) throws IOException {
        long total = matching.getMatchingDocs().stream().mapToLong(md -> md.totalHits).sum();
        Map<String, List<SearchResult.FacetValue>> facets = facets(searcher, userQuery, filters, matching);
        List<SearchResult.Stats> stats = new ArrayList<>();
        for (StatsRequest s : request.stats()) {
            stats.add(StatsAggregator.compute(matching, s));
        }
        return new SearchCounts.Counts(total, facets, List.copyOf(stats));
    }

    /**
     * Counts per dimension. A dimension with a selection is counted as if its own selection were off
     * (drill-sideways), so a multi-select shows what adding another value would bring.
     */
    private static Map<String, List<SearchResult.FacetValue>> facets(IndexSearcher searcher, Query userQuery,
                                                              RequestFilters filters, FacetsCollector matching)
            throws IOException {
        List<String> unselected = new ArrayList<>();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String dim : FacetSelection.DIMENSIONS) {
            if (filters.selectedDimensions().contains(dim)) {
                FacetsCollector sideways = searcher.search(filters.apply(userQuery, dim), new FacetsCollectorManager());
                counts.putAll(FacetCounter.count(sideways, List.of(dim)));
            } else {
                unselected.add(dim);
            }
        }
        counts.putAll(FacetCounter.count(matching, unselected));
        return FacetResults.of(counts);
    }

    @Override
    public Optional<Report> report(String id) {
        return withReport(id, (searcher, doc) -> {
            return ReportDocuments.fromStored(searcher.storedFields().document(doc, ReportDocuments.REPORT_FIELDS),
                    ReportTexts.of(searcher.getIndexReader(), doc));
        });
    }

    @Override
    public Optional<TextWindow> highlightedText(String id, String query, MatchMode match, int offset, int length) {
        QueryNode tree = parse(query, match); // a syntax error fails before any lookup; no query marks nothing
        return withReport(id, (searcher, doc) -> {
            Highlights.Window w = Highlights.window(tree, ReportTexts.of(searcher.getIndexReader(), doc), offset,
                    length);
            return new TextWindow(w.html(), w.from(), w.to(), w.length(), w.matches());
        });
    }

    @Override
    public List<Report> linkedReports(String linker, java.util.Collection<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = acquire();
            try {
                List<org.apache.lucene.util.BytesRef> terms = keys.stream().map(org.apache.lucene.util.BytesRef::new)
                        .toList();
                TopDocs top = searcher.search(new org.apache.lucene.search.TermInSetQuery(Fields.linkKeys(linker),
                        terms), Math.max(1, limit), new org.apache.lucene.search.Sort(
                        new org.apache.lucene.search.SortField(Fields.ID, org.apache.lucene.search.SortField.Type.STRING)));
                StoredFields stored = searcher.storedFields();
                List<Report> out = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    out.add(storedReport(searcher, stored, sd.doc));
                }
                return out;
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface ReportFunction<T> {
        T apply(IndexSearcher searcher, int doc) throws IOException;
    }

    /**
     * Applies {@code f} to the document of report {@code id}, or empty for an unknown id; a document the index
     * cannot read back is a {@link DamagedIndexException} naming the report.
     */
    private <T> Optional<T> withReport(String id, ReportFunction<T> f) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(f.apply(searcher, top.scoreDocs[0].doc));
                } catch (IOException | RuntimeException e) {
                    throw damaged(id, e);
                }
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stored fields carry no checksum on the read path: flipped bytes come back as a decoding error, garbage JSON or
     * an out-of-range index. Any of these while reading one report's stored data means the index is damaged.
     */
    private static RuntimeException damaged(String id, Exception e) {
        if (e instanceof InvalidRequestException invalid) {
            return invalid;
        }
        if (e instanceof DamagedIndexException known) {
            return known;
        }
        return new DamagedIndexException(id, e);
    }

    /**
     * What a hit shows of the report at {@code doc}: from its doc values, or from its stored JSON in a segment
     * written before the hit fields were.
     */
    private static HitFields hitFields(LeafReaderContext leaf, StoredFields stored, int doc) throws IOException {
        HitFields fields = HitFields.read(leaf.reader(), doc - leaf.docBase);
        return fields != null ? fields : HitFields.of(ReportDocuments.fromStored(
                stored.document(doc, STORED_FOR_HIT).get(Fields.REPORT_JSON), null));
    }

    /** The report at {@code doc}, read from its stored JSON; a damaged one names its id (from doc values). */
    private static Report storedReport(IndexSearcher searcher, StoredFields stored, int doc) {
        try {
            return ReportDocuments.fromStored(stored.document(doc, STORED_FOR_HIT).get(Fields.REPORT_JSON), null);
        } catch (IOException | RuntimeException e) {
            throw damaged(IndexHealth.idOf(searcher.getIndexReader(), doc), e);
        }
    }

    /** Every matching report (without its text, which an export does not need), in the request's order. */
    @Override
    public void export(SearchRequest request, Consumer<Report> sink) {
        Query query = new RequestFilters(request).apply(LuceneQueries.toLucene(parse(request.query(), request.match())),
                null);
        Sort sort = SortAndCursor.sort(request.sort());
        try {
            IndexSearcher searcher = acquire();
            try {
                FieldDoc after = SortAndCursor.decode(request.sort(), request.cursor(),
                        searcher.getIndexReader().maxDoc());
                StoredFields stored = searcher.storedFields();
                while (true) {
                    TopDocs page = searcher.searchAfter(after, query, 500, sort, false);
                    for (ScoreDoc sd : page.scoreDocs) {
                        sink.accept(storedReport(searcher, stored, sd.doc));
                    }
                    if (page.scoreDocs.length < 500) {
                        return;
                    }
                    after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
                }
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<IndexedReport> newest(SearchRequest request, int limit) {
        Query query = new RequestFilters(request).apply(LuceneQueries.toLucene(parse(request.query(), request.match())),
                null);
        Sort sort = new Sort(new SortField(Fields.INDEXED_AT, SortField.Type.LONG, true),
                new SortField(Fields.ID, SortField.Type.STRING));
        try {
            IndexSearcher searcher = acquire();
            try {
                StoredFields stored = searcher.storedFields();
                List<IndexedReport> out = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(query, Math.max(1, limit), sort, false).scoreDocs) {
                    Document doc = stored.document(sd.doc, Set.of(Fields.REPORT_JSON, Fields.INDEXED_AT));
                    Number at = doc.getField(Fields.INDEXED_AT) == null ? null
                            : doc.getField(Fields.INDEXED_AT).numericValue();
                    out.add(new IndexedReport(ReportDocuments.fromStored(doc.get(Fields.REPORT_JSON), null),
                            Instant.ofEpochMilli(at == null ? 0 : at.longValue())));
                }
                return out;
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many searches' counts are held for the current index version. */
    int searchesCounted() {
        return recentCounts.size();
    }

    @Override
    public long size() {
        try {
            IndexSearcher searcher = acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }
}
