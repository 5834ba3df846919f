package org.disclosuresearch.pipeline;

import org.disclosuresearch.copies.CopySeries;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.ContractCorpus;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that sends every report computes the linked values in memory before its one write; an incremental run
 * relinks after its commit. Both must store the same values: the same corpus (the seeds, the real 平潭 reports, 300
 * synthetic reports, the agency series with its rename and missing year, the copy series) indexed in one run, and in
 * several (years added in chunks, one report re-indexed, one deleted), through the real index.
 */
class FullRunEquivalenceTest {

    private static List<Report> corpus() {
        List<Report> all = new ArrayList<>(ContractCorpus.load());
        all.addAll(List.of(AgencySeries.y2018(), AgencySeries.y2019(), AgencySeries.y2021(3), AgencySeries.y2022(),
                AgencySeries.neighbour()));
        all.addAll(CopySeries.all());
        return all;
    }

    @Test
    void one_full_run_and_several_incremental_runs_store_the_same_linked_values(@TempDir Path dir) throws Exception {
        List<Report> corpus = corpus();
        TreeSet<Integer> years = new TreeSet<>();
        corpus.forEach(r -> {
            if (r.year() != null) {
                years.add(r.year());
            }
        });
        assertTrue(years.size() >= 4, "years " + years);

        Path fullDocs = Files.createDirectories(dir.resolve("full-docs"));
        Path fullIndex = dir.resolve("full-index");
        corpus.forEach(r -> write(fullDocs, r));
        IndexSummary full;
        try (Indexer indexer = new Indexer(fullIndex, AgencySeries.config())) {
            full = indexer.update(List.of(fullDocs), null);
        }
        assertTrue(full.failed().isEmpty(), full.failed().toString());
        assertEquals(corpus.size(), full.indexed());
        assertEquals(0, full.relinked(), "a full run stores each report once");

        // incremental: the years in three chunks; one report first in another version, one report later deleted
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Path index = dir.resolve("index");
        List<Integer> ordered = new ArrayList<>(years);
        int cut1 = ordered.get(ordered.size() / 3);
        int cut2 = ordered.get(2 * ordered.size() / 3);
        Report changed = AgencySeries.y2021(3);
        Report extra = AgencySeries.report("scjg-2020-draft", "平潭县市场监督管理局", 2020, "2021",
                AgencySeries.y2021(3).text(), AgencySeries.y2021(3).figures());
        long relinked = 0;
        for (int chunk = 0; chunk < 3; chunk++) {
            for (Report r : corpus) {
                int y = r.year() == null ? ordered.get(0) : r.year();
                int c = y < cut1 ? 0 : y < cut2 ? 1 : 2;
                if (c == chunk) {
                    write(docs, r.id().equals(changed.id()) ? AgencySeries.y2021(9) : r);
                }
            }
            if (chunk == 1) {
                write(docs, extra);
            }
            relinked += AgencySeries.run(docs, index).relinked();
        }
        write(docs, changed); // re-indexed: its own carry-over, its next report's carry check
        IndexSummary reindexed = AgencySeries.run(docs, index);
        assertEquals(1, reindexed.indexed());
        Files.delete(docs.resolve(extra.id() + ".txt"));
        IndexSummary deleted = AgencySeries.run(docs, index);
        assertEquals(1, deleted.deleted());
        assertTrue(relinked + reindexed.relinked() + deleted.relinked() > 0, "the incremental runs relinked");

        int previousLinks = 0;
        int copied = 0;
        int missing = 0;
        try (LuceneSearchBackend a = LuceneSearchBackend.open(fullIndex)) {
            for (Report r : corpus) {
                Report x = a.report(r.id()).orElseThrow();
                previousLinks += x.previous() != null ? 1 : 0;
                missing += x.agencyMissingYears().isEmpty() ? 0 : 1;
                copied += x.copies() != null && x.copies().passages() != null && !x.copies().passages().isEmpty()
                        ? 1 : 0;
                assertNotNull(x.copies(), r.id() + " has copy shares");
            }
        }
        Map<String, String> differences = StoredLinkedValues.differences(fullIndex, index,
                StoredLinkedValues.ids(corpus));
        assertEquals(Map.of(), differences);
        // the corpus exercises what is compared: links across years and renames, gaps, copied passages
        assertTrue(previousLinks >= 10, "previous links " + previousLinks);
        assertTrue(missing >= 4, "reports with missing years " + missing);
        assertTrue(copied >= 3, "reports with copied passages " + copied);
    }

    @Test
    void a_full_run_stores_each_report_once(@TempDir Path dir) throws Exception {
        List<Report> corpus = corpus();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        corpus.forEach(r -> write(docs, r));
        AtomicLong upserts = new AtomicLong();
        AtomicLong relinks = new AtomicLong();
        try (Indexer indexer = new Indexer(dir.resolve("index"), AgencySeries.config())) {
            ReportSink counting = new CountingSink(indexer, upserts, relinks);
            IndexSummary s = new CorpusPipeline(counting, AgencySeries.config(), Set.of()).update(List.of(docs), null);
            assertEquals(corpus.size(), s.indexed());
            assertEquals(0, s.relinked());
        }
        assertEquals(corpus.size(), upserts.get());
        assertEquals(0, relinks.get());
    }

    private static void write(Path docs, Report r) {
        try {
            AgencySeries.write(docs, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The index, counting what is stored through it. */
    private record CountingSink(Indexer indexer, AtomicLong upserts, AtomicLong relinks) implements ReportSink {
        @Override
        public Map<String, String> storedHashes() throws IOException {
            return indexer.storedHashes();
        }

        @Override
        public Map<String, SourceStamp> storedSources() throws IOException {
            return indexer.storedSources();
        }

        @Override
        public boolean outdated() {
            return indexer.outdated();
        }

        @Override
        public void upsert(Report report, String sha256) throws IOException {
            upserts.incrementAndGet();
            indexer.upsert(report, sha256);
        }

        @Override
        public void upsertStamped(Report report, SourceStamp source) throws IOException {
            upserts.incrementAndGet();
            indexer.upsertStamped(report, source);
        }

        @Override
        public void delete(String id) throws IOException {
            indexer.delete(id);
        }

        @Override
        public void commit(boolean runComplete) throws IOException {
            indexer.commit(runComplete);
        }

        @Override
        public org.disclosuresearch.copies.CopyStore copyStore() throws IOException {
            return indexer.copyStore();
        }

        @Override
        public LinkedReports linkedReports() throws IOException {
            return indexer.linkedReports();
        }

        @Override
        public void relinked(Report report) throws IOException {
            relinks.incrementAndGet();
            indexer.relinked(report);
        }

        @Override
        public void close() {
        }
    }
}
