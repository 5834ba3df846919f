package org.disclosuresearch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.FigureEvidence;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The twelve real reports of {@code src/test/resources/real} (copied from {@code shared/corpus/real}, sources in
 * SOURCES.md) against figures read by hand: the WPS-made PDF against {@code hongze-expected.json}, the eleven crawled
 * portal pages against {@code crawled-expected.json}. Every hand-read figure must come back equal, every figure the
 * hand reading found undetermined must stay absent, and no figure may differ: a wrong figure is the one outcome that
 * is not allowed.
 */
class RealReportsGoldenTest {

    private static final AtomicInteger EXPECTED = new AtomicInteger();
    private static final AtomicInteger READ = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> crawledPagesReadAsByHand() throws Exception {
        JsonNode truth = load("/real/crawled-expected.json");
        List<DynamicTest> tests = new ArrayList<>();
        truth.fields().forEachRemaining(e -> tests.add(DynamicTest.dynamicTest(e.getKey(),
                () -> check(e.getKey() + ".txt", e.getValue(), true))));
        assertEquals(11, tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> wpsPdfReadAsByHand() throws Exception {
        JsonNode truth = load("/real/hongze-expected.json");
        return Stream.of(DynamicTest.dynamicTest("hongze-2023.pdf",
                () -> check("hongze-2023.pdf", truth.get("hongze-2023"), false)));
    }

    @AfterAll
    static void share() {
        System.out.printf("real reports: %d of %d hand-read figures read%n", READ.get(), EXPECTED.get());
    }

    private static void check(String file, JsonNode expected, boolean fullTruth) throws Exception {
        Path path = Path.of(RealReportsGoldenTest.class.getResource("/real/" + file).toURI());
        Report report = new ReportReader().read(path, path.getParent());
        List<String> diffs = new ArrayList<>();
        JsonNode figures = expected.get("figures");
        Iterator<Map.Entry<String, JsonNode>> it = figures.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            EXPECTED.incrementAndGet();
            Number actual = report.figures().get(e.getKey());
            if (actual == null) {
                diffs.add(e.getKey() + ": expected " + e.getValue() + ", absent");
            } else if (new BigDecimal(actual.toString()).compareTo(e.getValue().decimalValue()) != 0) {
                diffs.add("WRONG " + e.getKey() + ": expected " + e.getValue() + ", got " + actual);
            } else {
                READ.incrementAndGet();
            }
        }
        if (fullTruth) {
            for (String id : report.figures().keySet()) {
                if (!figures.has(id)) {
                    diffs.add("not determined by the text, yet read: " + id + " = " + report.figures().get(id)
                            + " (" + report.evidenceOf(id).detail() + ")");
                }
            }
            expected.get("undetermined").fieldNames().forEachRemaining(id ->
                    assertTrue(report.note() != null && !report.figures().containsKey(id), file + ": " + id));
            assertEquals(text(expected.get("template")), report.template(), file + " template");
            assertEquals(text(expected.get("published")), report.published(), file + " published");
            List<String> failed = new ArrayList<>();
            expected.get("failedChecks").forEach(n -> failed.add(n.asText()));
            assertEquals(failed, report.failedChecks(), file + " failed checks");
        } else {
            assertEquals(List.of("review_sum:review", "review_sum:suit_after_review"), report.failedChecks(),
                    file + ": table 四 as printed contradicts itself (see hongze-expected.json's notes)");
        }
        assertEquals(expected.get("agency").asText(), report.agency(), file + " agency");
        assertEquals(expected.get("year").asInt(), report.year(), file + " year");
        for (String id : report.figures().keySet()) {
            FigureEvidence evidence = report.evidenceOf(id);
            assertNotNull(evidence, id);
            if (evidence.method() == FigureEvidence.Method.SPLIT || evidence.method() == FigureEvidence.Method.NARRATIVE) {
                assertFalse(evidence.detail() == null || evidence.run() == null, file + ": " + id + " has no explanation");
            }
        }
        assertTrue(diffs.isEmpty(), file + ": " + diffs.size() + " difference(s):\n  " + String.join("\n  ", diffs)
                + "\n(parser note: " + report.note() + ")");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode load(String resource) throws Exception {
        try (InputStream in = RealReportsGoldenTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return Json.mapper().readTree(in);
        }
    }
}
