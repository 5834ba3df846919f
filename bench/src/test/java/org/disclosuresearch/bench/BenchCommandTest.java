package org.disclosuresearch.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badOptionsAreNamedAndNothingRuns(@TempDir Path out) {
        assertEquals(2, BenchCommand.run("--sizes", "150", "--out", out.toString()));
        assertTrue(stderr().contains("--sizes") && stderr().contains("150"), stderr());
        assertEquals(2, BenchCommand.run("--clients", "1,0", "--out", out.toString()));
        assertTrue(stderr().contains("--clients"), stderr());
        assertEquals(2, BenchCommand.run("--server-heap", "lots", "--out", out.toString()));
        assertTrue(stderr().contains("--server-heap"), stderr());
        assertEquals(2, BenchCommand.run("--solr-heap", "lots", "--out", out.toString()));
        assertTrue(stderr().contains("--solr-heap"), stderr());
        assertEquals(2, BenchCommand.run("--repetition", "often", "--out", out.toString()));
        assertTrue(stderr().contains("--repetition") && stderr().contains("often"), stderr());
        assertEquals(2, BenchCommand.run("--cold-queries", "-1", "--out", out.toString()));
        assertTrue(stderr().contains("--cold-queries"), stderr());
        assertTrue(!Files.exists(out.resolve("corpus")), "no corpus built for a rejected command line");
    }

    @Test
    void runsFromTheCommandLineAndWritesBothFiles(@TempDir Path out) {
        int status = BenchCommand.run("--sizes", "100", "--out", out.toString(), "--no-http", "--no-peer", "--no-solr",
                "--no-queries", "--no-parse", "--no-startup", "--cold-queries", "2", "--repetition", "templates",
                "--markdown", out.resolve("B.md").toString());
        assertEquals(0, status, stderr());
        assertTrue(Files.exists(out.resolve("B.md")) && Files.exists(out.resolve("benchmarks.json")));
        assertTrue(stderr().contains("[100] index:"), "progress is printed: " + stderr());
        // only the phases asked for ran, and the command line that repeats the run says so
        String md = assertDoesNotThrow(() -> Files.readString(out.resolve("B.md")));
        assertTrue(md.contains("## Cold vs repeated queries at 100 reports"), md);
        assertFalse(md.contains("## Query latency at 100 reports"), "--no-queries skips the repeated stream");
        assertFalse(stderr().contains("no-op index") || stderr().contains("serve start"), stderr());
        assertTrue(md.contains("--repetition templates --warmup 2 --rounds 5 --repeats 4 --no-http --no-peer --no-queries "
                + "--cold-queries 2 --no-parse --no-startup --no-solr"), md);
        assertTrue(md.contains("clause repetition templates"), md);
        assertFalse(stderr().contains("parse (1 thread)"), "--no-parse skips the parse pass: " + stderr());
    }
}
