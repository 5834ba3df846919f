package org.disclosuresearch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.disclosuresearch.cli.IndexAndSearchCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --max-file-mb} and {@code --read-timeout} reach the readers of parse, index and serve. */
class IngestLimitsOptionsTest {
    private static final String SEED = "data/sample/000_c6adf1d2ada892b8.txt";
    private static final String PDF = "src/test/resources/formats/weihai-ylbzj-2021.pdf";

    @Test
    void parse_refuses_a_file_over_the_size_limit_and_reads_it_by_default() throws Exception {
        assertTrue(Files.size(Path.of(SEED)) > 1048);
        assertEquals(0, run("parse", SEED).code());
        IndexAndSearchCommandTest.Run tiny = run("parse", "--max-file-mb", "0.001", SEED);
        assertEquals(1, tiny.code(), tiny.err());
        assertTrue(tiny.err().contains(SEED) && tiny.err().contains("too large")
                && tiny.err().contains("limit 1048"), tiny.err());
    }

    @Test
    void parse_gives_up_on_a_read_longer_than_the_timeout() {
        IndexAndSearchCommandTest.Run r = run("parse", "--read-timeout", "0.001", PDF);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("gave up after 1 ms"), r.err());
    }

    @Test
    void index_applies_the_limits_to_every_file(@TempDir Path dir) throws Exception {
        Path docs = IndexAndSearchCommandTest.seeds(dir);
        IndexAndSearchCommandTest.Run r = run("index", "--docs", docs.toString(), "--index",
                dir.resolve("index").toString(), "--max-file-mb", "0.001");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("indexed 0, unchanged 0, deleted 0, failed 5"), r.out());
        assertTrue(r.err().contains("too large"), r.err());
    }

    @Test
    void a_limit_that_is_not_positive_is_a_usage_error_in_each_command(@TempDir Path dir) throws Exception {
        Path docs = IndexAndSearchCommandTest.seeds(dir);
        String index = dir.resolve("index").toString();
        IndexAndSearchCommandTest.Run parse = run("parse", "--max-file-mb", "0", SEED);
        assertEquals(2, parse.code());
        assertTrue(parse.err().contains("--max-file-mb must be more than 0"), parse.err());
        IndexAndSearchCommandTest.Run indexRun = run("index", "--docs", docs.toString(), "--index", index,
                "--read-timeout", "-1");
        assertEquals(2, indexRun.code());
        assertTrue(indexRun.err().contains("--read-timeout must be at least 0.001 seconds"), indexRun.err());
        IndexAndSearchCommandTest.Run serve = run("serve", "--docs", docs.toString(), "--index", index,
                "--port", "0", "--read-timeout", "0");
        assertEquals(2, serve.code());
        assertTrue(serve.err().contains("--read-timeout must be at least 0.001 seconds"), serve.err());
    }
}
