package org.disclosuresearch.index;

import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.ReportFileReader;

import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incremental indexing over a real corpus folder with the real parser: upsert, delete, failures, interruption. */
class IndexerTest {

    static final List<String> SEEDS = List.of("000_c6adf1d2ada892b8", "001_93bb57e9bc1ba9ba", "002_1effd3284db83ec5",
            "003_e18be9a397c96df8", "004_0a91ce1974c0f436");

    static Path corpus(Path dir) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (String id : SEEDS) {
            try (InputStream in = IndexerTest.class.getResourceAsStream("/seeds/" + id + ".txt")) {
                Files.write(docs.resolve(id + ".txt"), in.readAllBytes());
            }
        }
        return docs;
    }

    static long hits(LuceneSearchBackend backend, String query) {
        return backend.search(new SearchRequest(query, null, null, null, 10, null, null)).total();
    }

    /**
     * A file whose size and time are those recorded is not read at all: proven by a same-size edit whose time is set
     * back, which only a hash would notice. A touched file is hashed, found unchanged and restamped; an edit that
     * moves the time is indexed again.
     */
    @Test
    void unchanged_size_and_time_skip_the_file_unread_and_a_touched_file_is_restamped(@TempDir Path dir)
            throws Exception {
        Path docs = corpus(dir);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L);
        for (String id : SEEDS) {
            Files.setLastModifiedTime(docs.resolve(id + ".txt"), old);
        }
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            assertEquals(5, indexer.update(List.of(docs), IndexProgress.NONE).indexed());
            Path file = docs.resolve(SEEDS.get(0) + ".txt");
            org.disclosuresearch.pipeline.SourceStamp stamp = indexer.storedSources().get(SEEDS.get(0));
            assertEquals(Files.size(file), stamp.size());
            assertEquals(old.toMillis(), stamp.modified());
            assertEquals(org.disclosuresearch.pipeline.CorpusPipeline.sha256(file), stamp.sha256());

            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] = (byte) (bytes[bytes.length - 1] == ' ' ? '\t' : ' ');
            Files.write(file, bytes);
            Files.setLastModifiedTime(file, old);
            IndexSummary unread = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(0, unread.indexed());
            assertEquals(5, unread.unchanged());

            java.nio.file.attribute.FileTime touched = java.nio.file.attribute.FileTime.fromMillis(old.toMillis() + 60_000);
            Path other = docs.resolve(SEEDS.get(1) + ".txt");
            Files.setLastModifiedTime(other, touched);
            IndexSummary restamped = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(0, restamped.indexed());
            assertEquals(5, restamped.unchanged());
            assertEquals(touched.toMillis(), indexer.storedSources().get(SEEDS.get(1)).modified());

            Files.setLastModifiedTime(file, touched);
            IndexSummary edited = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(1, edited.indexed());
            assertEquals(4, edited.unchanged());
            assertEquals(org.disclosuresearch.pipeline.CorpusPipeline.sha256(file),
                    indexer.storedSources().get(SEEDS.get(0)).sha256());
        }
    }

    @Test
    void second_run_skips_unchanged_files_replaces_changed_ones_and_deletes_removed_ones(@TempDir Path dir)
            throws Exception {
        Path docs = corpus(dir);
        Path index = dir.resolve("index");
        List<long[]> progress = new ArrayList<>();
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            IndexSummary first = indexer.update(List.of(docs), (done, total, rate) -> progress.add(new long[]{done, total}));
            assertEquals(5, first.indexed());
            assertEquals(0, first.unchanged());
            assertTrue(first.failed().isEmpty(), first.failed().toString());
            assertEquals(5, progress.get(progress.size() - 1)[0]);
            assertEquals(5, progress.get(progress.size() - 1)[1]);

            IndexSummary second = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(0, second.indexed());
            assertEquals(5, second.unchanged());

            Files.writeString(docs.resolve(SEEDS.get(1) + ".txt"), "\n本报告新增测试短语甲乙丙。\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.delete(docs.resolve(SEEDS.get(2) + ".txt"));
            IndexSummary third = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(1, third.indexed());
            assertEquals(3, third.unchanged());
            assertEquals(1, third.deleted());
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(4, backend.size());
            SearchResult r = backend.search(SearchRequest.of("\"新增测试短语甲乙丙\""));
            assertEquals(1, r.total());
            assertEquals(SEEDS.get(1), r.hits().get(0).id());
            assertEquals("威海市医疗保障局", r.hits().get(0).agency());
            assertTrue(backend.report(SEEDS.get(2)).isEmpty());
            assertEquals(4, hits(backend, "\"依申请公开\""));
        }
    }

    @Test
    void bad_files_are_collected_with_their_kind_and_never_stop_the_run(@TempDir Path dir) throws Exception {
        Path docs = corpus(dir);
        Files.write(docs.resolve("empty.txt"), new byte[0]);
        Files.writeString(docs.resolve("crash.txt"), "依申请公开", StandardCharsets.UTF_8);
        Files.createDirectories(docs.resolve("sub"));
        Files.copy(docs.resolve(SEEDS.get(0) + ".txt"), docs.resolve("sub").resolve(SEEDS.get(0) + ".txt"));
        ReportFileReader crashing = (file, root) -> {
            if (file.getFileName().toString().equals("crash.txt")) {
                throw new IllegalStateException("parser bug");
            }
            return ReportFileReader.DEFAULT.read(file, root);
        };
        Path index = dir.resolve("index");
        IndexSummary summary;
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults().withReader(crashing))) {
            summary = indexer.update(List.of(docs), IndexProgress.NONE);
        }
        assertEquals(5, summary.indexed());
        Map<String, String> kinds = new java.util.TreeMap<>();
        summary.failed().forEach(f -> kinds.put(f.file().getFileName() + "@" + f.file().getParent().getFileName(),
                f.kind()));
        assertEquals(Map.of("empty.txt@docs", DocumentProblem.Kind.EMPTY.name(), "crash.txt@docs", "PARSER_ERROR",
                SEEDS.get(0) + ".txt@sub", "DUPLICATE_ID"), kinds);
        summary.failed().forEach(f -> assertTrue(f.reason().contains(f.file().getFileName().toString()), f.reason()));
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(5, backend.size());
        }
    }

    /** The parser, until the fourth file: then the process dies as it would on running out of memory. */
    private static ReportFileReader dyingAtTheFourthFile() {
        AtomicInteger reads = new AtomicInteger();
        return (file, root) -> {
            if (reads.incrementAndGet() == 4) {
                throw new OutOfMemoryError("simulated crash while reading " + file);
            }
            return ReportFileReader.DEFAULT.read(file, root);
        };
    }

    @Test
    void a_run_that_dies_leaves_the_last_commit_usable_and_the_next_run_finishes(@TempDir Path dir) throws Exception {
        Path docs = corpus(dir);
        Path index = dir.resolve("index");
        ReportFileReader dying = dyingAtTheFourthFile();
        // an index holding a report already: the run is incremental, and sends each report as it is parsed (a first
        // run into an empty index stores nothing before every file is parsed: see the next test)
        Report other = org.disclosuresearch.search.SeedReports.load().get(0).toBuilder().id("already-there").build();
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.index(List.of(other));
        }
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults().withReader(dying).withThreads(1)
                .withCommitEvery(1))) {
            assertThrows(IOException.class, () -> indexer.update(List.of(docs), IndexProgress.NONE));
        }
        long committed;
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            committed = backend.size() - 1;
            assertTrue(committed >= 3 && committed < 5, "committed " + committed);
            assertEquals(committed, hits(backend, "\"依申请公开\"") - 1);
        }
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            IndexSummary rest = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(5 - committed, rest.indexed());
            assertEquals(committed, rest.unchanged());
            assertEquals(1, rest.deleted());
        }
    }

    @Test
    void a_first_run_that_dies_stores_nothing_and_the_next_run_does_it_all(@TempDir Path dir) throws Exception {
        Path docs = corpus(dir);
        Path index = dir.resolve("index");
        ReportFileReader dying = dyingAtTheFourthFile();
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults().withReader(dying).withThreads(1)
                .withCommitEvery(1))) {
            assertThrows(IOException.class, () -> indexer.update(List.of(docs), IndexProgress.NONE));
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(0, backend.size(), "a full run stores each report once, after linking them all");
        }
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            IndexSummary all = indexer.update(List.of(docs), IndexProgress.NONE);
            assertEquals(5, all.indexed());
            assertEquals(0, all.relinked());
        }
    }

    @Test
    void a_full_run_spools_inside_the_index_and_clears_what_a_killed_run_left(@TempDir Path dir) throws Exception {
        Path docs = corpus(dir);
        Path index = dir.resolve("index");
        Path scratch = Files.createDirectories(index.resolve(".run"));
        Path left = Files.writeString(scratch.resolve("disclosure-search-run-killed.spool"), "left by a killed run");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            assertEquals(5, indexer.update(List.of(docs), IndexProgress.NONE).indexed());
        }
        assertFalse(Files.exists(left), "a killed run's spool is deleted by the next run");
        try (var files = Files.list(scratch)) {
            assertEquals(0, files.count(), "the run's own spool is gone when it ends");
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(5, backend.size());
        }
    }

    @Test
    void searches_keep_working_while_an_index_run_commits(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        List<Report> seeds = org.disclosuresearch.search.SeedReports.load();
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults());
             LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            AtomicLong lastSeen = new AtomicLong();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicInteger searches = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread searcher = new Thread(() -> {
                try {
                    while (!stop.get()) { // not interrupt(): an interrupt closes Lucene's file channels
                        backend.refresh();
                        SearchResult r = backend.search(new SearchRequest("\"依申请公开\"", null, null, null, 1000,
                                null, null));
                        if ((r.total() != r.hits().size() || r.total() < lastSeen.get() || r.total() % 5 != 0)
                                && errors.size() < 5) {
                            errors.add(new AssertionError("inconsistent view: total " + r.total() + ", hits "
                                    + r.hits().size() + ", seen before " + lastSeen.get()));
                        }
                        lastSeen.set(r.total());
                        searches.incrementAndGet();
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            });
            searcher.start();
            for (int batch = 0; batch < 10; batch++) {
                List<Report> copies = new ArrayList<>();
                for (Report s : seeds) {
                    copies.add(s.toBuilder().id(s.id() + "_copy" + batch).build());
                }
                indexer.index(copies); // one commit per batch of five: a view holds a multiple of five
            }
            Thread.sleep(200);
            stop.set(true);
            searcher.join(10_000);
            assertTrue(errors.isEmpty(), errors.toString());
            assertTrue(searches.get() > 5, "searches during the run: " + searches.get());
            backend.refresh();
            assertEquals(50, hits(backend, "\"依申请公开\""));
        }
    }
}
