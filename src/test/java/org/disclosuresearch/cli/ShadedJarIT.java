package org.disclosuresearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the shaded jar itself, as a user does, after {@code package} (failsafe, in {@code verify}): the unit tests
 * run on the class path, so a broken merge of META-INF/services in the shade step (Lucene finds its codecs and
 * analyzers there) or a wrong main class would pass them all.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "disclosure-search.jar");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dfile.encoding=UTF-8", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the jar did not finish: " + command);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void parseIndexAndSearchTheSampleCorpusWithTheJar() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn verify (package comes first)");

        Run parse = run("parse", "data/sample");
        assertEquals(0, parse.exit(), parse.err());
        List<String> lines = parse.out().lines().toList();
        assertEquals(5, lines.size(), parse.out());
        int withTables = 0;
        for (String line : lines) {
            JsonNode report = Json.mapper().readTree(line);
            assertTrue(report.get("agency").asText().endsWith("局") || report.get("agency").asText().length() > 2,
                    line);
            withTables += report.get("figures").size() > 10 ? 1 : 0;
        }
        assertTrue(withTables >= 4, parse.out()); // one sample report prints no tables at all

        Path index = dir.resolve("index");
        Run indexRun = run("index", "--docs", "data/sample", "--index", index.toString());
        assertEquals(0, indexRun.exit(), indexRun.err());
        assertTrue(indexRun.out().startsWith("indexed 5, unchanged 0, deleted 0, failed 0"), indexRun.out());

        Run check = run("index", "--check", "--index", index.toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("is healthy: 5 reports"), check.out());

        // smartcn's dictionaries and the codecs load from the jar: a phrase search finds every report
        Run search = run("search", "--index", index.toString(), "--json", "\"依申请公开\"");
        assertEquals(0, search.exit(), search.err());
        JsonNode result = Json.mapper().readTree(search.out());
        assertEquals(5, result.get("total").asInt(), search.out());
    }

    /** The benchmark is its own module (bench/): the product jar carries neither its command nor SQLite's natives. */
    @Test
    void theProductJarCarriesNoBenchmark() throws Exception {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(JAR.toFile())) {
            List<String> strays = jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("org/sqlite/") || n.startsWith("org/disclosuresearch/bench/")).limit(5)
                    .toList();
            assertTrue(strays.isEmpty(), "benchmark classes in the product jar: " + strays);
        }
        Run help = run("--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("serve") && !help.out().contains("bench"), help.out());
    }
}
