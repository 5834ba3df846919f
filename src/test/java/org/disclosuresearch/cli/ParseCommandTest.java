package org.disclosuresearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        // deliberately not UTF-8: the command must write UTF-8 bytes whatever the stream's charset
        System.setOut(new PrintStream(out, true, StandardCharsets.ISO_8859_1));
        System.setErr(new PrintStream(err, true, StandardCharsets.ISO_8859_1));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private List<String> stdoutLines() {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sampleCorpusGivesFiveJsonLines() throws Exception {
        assertEquals(0, Main.run("parse", "data/sample"), this::stderr);
        List<String> lines = stdoutLines();
        assertEquals(5, lines.size(), () -> String.join("\n", lines));
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertEquals("000_c6adf1d2ada892b8", first.get("id").asText());
        assertEquals("乐清市医疗保障局", first.get("agency").asText(), "UTF-8 output");
        assertEquals("000_c6adf1d2ada892b8.txt", first.get("source").get("path").asText());
        assertEquals(64, first.get("source").get("sha256").asText().length());
        assertFalse(first.has("text"), "no text unless --text");
        assertEquals("", stderr());
    }

    @Test
    void textOptionIncludesTheNormalizedText() throws Exception {
        assertEquals(0, Main.run("parse", "--text", "data/sample/000_c6adf1d2ada892b8.txt"));
        JsonNode report = Json.mapper().readTree(stdoutLines().get(0));
        assertTrue(report.get("text").asText().contains("依申请公开"), "joined across the PDF line break");
    }

    @Test
    void badFilesAreReportedOnStderrAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("data/sample/001_93bb57e9bc1ba9ba.txt"), dir.resolve("b-good.txt"));
        Files.write(dir.resolve("a-empty.txt"), new byte[0]);
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Files.write(dir.resolve("c-junk"), junk);
        Files.writeString(dir.resolve("d-recipe.txt"), "红烧肉的做法：五花肉切块，焯水，炒糖色，加酱油炖一小时。");
        Files.writeString(dir.resolve("b-good.txt.json"), "{\"url\":\"https://example.org/r.pdf\"}");
        Files.writeString(dir.resolve(".hidden.txt"), "junk");

        assertEquals(1, Main.run("parse", dir.toString()));
        List<String> lines = stdoutLines();
        assertEquals(1, lines.size(), "only the good report parses; the sidecar and the hidden file are skipped");
        assertEquals("b-good", Json.mapper().readTree(lines.get(0)).get("id").asText());

        List<String> errors = List.of(stderr().split("\n"));
        assertEquals(3, errors.size(), this::stderr);
        assertTrue(errors.get(0).contains("a-empty.txt") && errors.get(0).contains("empty"), errors.get(0));
        // which reason binary junk gets depends on the format readers; it must name the file and give one
        assertTrue(errors.get(1).startsWith(dir.resolve("c-junk") + ": "), errors.get(1));
        assertTrue(errors.get(2).contains("d-recipe.txt") && errors.get(2).contains("not a disclosure annual report"),
                errors.get(2));
    }

    @Test
    void everyStdoutLineIsJsonEvenForFormatsWhoseLibrariesLog() throws Exception {
        assertEquals(0, Main.run("parse", "src/test/resources/formats/weihai-ylbzj-2021.pdf",
                "src/test/resources/formats/weihai-ylbzj-2021.doc", "data/sample/000_c6adf1d2ada892b8.txt"),
                this::stderr);
        List<String> lines = stdoutLines();
        assertEquals(3, lines.size(), () -> String.join("\n", lines));
        for (String line : lines) {
            assertTrue(Json.mapper().readTree(line).has("figures"), line);
        }
    }

    @Test
    void missingPathIsAnErrorNamingIt() {
        assertEquals(1, Main.run("parse", "no/such/file.txt", "data/sample/000_c6adf1d2ada892b8.txt"));
        assertTrue(stderr().contains("no/such/file.txt") && stderr().contains("no such file"), this::stderr);
        assertEquals(1, stdoutLines().size());
    }

    @Test
    void helpDescribesTheCommand() {
        assertEquals(0, Main.run("parse", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FILE_OR_DIR"));
    }
}
