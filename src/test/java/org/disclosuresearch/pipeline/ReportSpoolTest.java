package org.disclosuresearch.pipeline;

import org.disclosuresearch.copies.NarrativeSentences;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.SeedReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spool gives back every report, stamp and sentence list as added, takes a fraction of their JSON on disk, is
 * deleted, and says which file is damaged when it is.
 */
class ReportSpoolTest {

    @Test
    void reports_come_back_as_added_from_a_compressed_file(@TempDir Path dir) throws Exception {
        List<Report> seeds = SeedReports.load();
        long jsonBytes = 0;
        List<SourceStamp> stamps = new ArrayList<>();
        Path file;
        try (ReportSpool spool = new ReportSpool(dir)) {
            for (int i = 0; i < seeds.size(); i++) {
                SourceStamp stamp = i == 0 ? null : new SourceStamp("ab" + i, 1000L + i, 2000L + i);
                stamps.add(stamp);
                spool.add(seeds.get(i), stamp, sentencesOf(i, seeds.get(i)));
                jsonBytes += Json.mapper().writeValueAsBytes(seeds.get(i)).length;
            }
            assertEquals(seeds.size(), spool.size());
            Iterator<ReportSpool.Record> entries = spool.read();
            try (var listed = Files.list(dir)) {
                file = listed.findFirst().orElseThrow();
            }
            long onDisk = Files.size(file);
            assertTrue(onDisk * 3 < jsonBytes, "deflated: " + onDisk + " bytes for " + jsonBytes + " of JSON");
            for (int i = 0; i < seeds.size(); i++) {
                ReportSpool.Entry e = entries.next().entry();
                assertEquals(seeds.get(i), e.report());
                assertEquals(sentencesOf(i, seeds.get(i)), e.sentences());
                SourceStamp expected = stamps.get(i);
                assertEquals(expected == null ? new SourceStamp(null, -1, -1) : expected, e.stamp());
            }
            assertFalse(entries.hasNext());
        }
        assertFalse(Files.exists(file), "deleted on close");
    }

    /** The first report without sentences (a run that detects no copies), the others with their counted ones. */
    private static List<NarrativeSentences.Sentence> sentencesOf(int i, Report report) {
        return i == 0 ? null : NarrativeSentences.of(report.withText(Normalizer.normalize(report.text())));
    }

    @Test
    void reports_added_from_several_threads_come_back_once_each(@TempDir Path dir) throws Exception {
        Report seed = SeedReports.load().get(0);
        int threads = 4;
        int each = 150; // ≈ 12 KB of JSON a report: several blocks per thread
        Set<String> added = ConcurrentHashMap.newKeySet();
        try (ReportSpool spool = new ReportSpool(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Report r = seed.toBuilder().id("r" + thread + "-" + i).build();
                        spool.add(r, new SourceStamp("h" + thread + "-" + i, i, i), List.of());
                        added.add(r.id());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertEquals(threads * each, spool.size());
            Set<String> read = new HashSet<>();
            for (Iterator<ReportSpool.Record> records = spool.read(); records.hasNext(); ) {
                ReportSpool.Entry e = records.next().entry();
                assertTrue(read.add(e.report().id()), "read twice: " + e.report().id());
                assertEquals("h" + e.report().id().substring(1), e.stamp().sha256());
                assertEquals(seed.text(), e.report().text());
            }
            assertEquals(added, read);
        }
    }

    @Test
    void a_record_that_does_not_decode_names_the_spool(@TempDir Path dir) throws Exception {
        try (ReportSpool spool = new ReportSpool(dir)) {
            Path file;
            try (var listed = Files.list(dir)) {
                file = listed.findFirst().orElseThrow();
            }
            byte[] garbage = "not a spooled record".getBytes(StandardCharsets.UTF_8);
            IOException e = assertThrows(IOException.class, () -> spool.new Record(garbage, 2, 10).entry());
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("damaged"), e.getMessage());
        }
    }
}
