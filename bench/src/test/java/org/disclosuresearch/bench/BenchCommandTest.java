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

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(!Files.exists(out.resolve("corpus")), "no corpus built for a rejected command line");
    }

    @Test
    void runsFromTheCommandLineAndWritesBothFiles(@TempDir Path out) {
        int status = BenchCommand.run("--sizes", "100", "--out", out.toString(), "--no-http", "--no-peer", "--no-solr",
                "--warmup", "1", "--rounds", "1", "--repeats", "1", "--markdown", out.resolve("B.md").toString());
        assertEquals(0, status, stderr());
        assertTrue(Files.exists(out.resolve("B.md")) && Files.exists(out.resolve("benchmarks.json")));
        assertTrue(stderr().contains("[100] index:"), "progress is printed: " + stderr());
    }
}
