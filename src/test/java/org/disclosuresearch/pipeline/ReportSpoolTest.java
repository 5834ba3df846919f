package org.disclosuresearch.pipeline;

import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.SeedReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spool gives back every report and stamp as added, takes a fraction of their JSON on disk, and is deleted. */
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
                spool.add(seeds.get(i), stamp);
                jsonBytes += Json.mapper().writeValueAsBytes(seeds.get(i)).length;
            }
            assertEquals(seeds.size(), spool.size());
            Iterator<ReportSpool.Entry> entries = spool.read();
            try (var listed = Files.list(dir)) {
                file = listed.findFirst().orElseThrow();
            }
            long onDisk = Files.size(file);
            assertTrue(onDisk * 3 < jsonBytes, "gzip: " + onDisk + " bytes for " + jsonBytes + " of JSON");
            for (int i = 0; i < seeds.size(); i++) {
                ReportSpool.Entry e = entries.next();
                assertEquals(seeds.get(i), e.report());
                SourceStamp expected = stamps.get(i);
                assertEquals(expected == null ? new SourceStamp(null, -1, -1) : expected, e.stamp());
            }
            assertFalse(entries.hasNext());
        }
        assertFalse(Files.exists(file), "deleted on close");
    }
}
