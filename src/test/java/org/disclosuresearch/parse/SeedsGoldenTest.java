package org.disclosuresearch.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every seed parsed equals the hand-checked seeds-expected.json, field by field (all keys of the expected object
 * but the human {@code note}); on failure the message lists every differing field.
 */
class SeedsGoldenTest {

    private static final String EXPECTED = "/seeds/seeds-expected.json";

    @TestFactory
    Stream<DynamicTest> everySeedParsesAsExpected() throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream(EXPECTED)) {
            assertNotNull(in, EXPECTED);
            expected = Json.mapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode seed : expected) {
            String file = seed.get("file").asText();
            tests.add(DynamicTest.dynamicTest(file, () -> check(file, seed)));
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private void check(String file, JsonNode expected) throws Exception {
        Report report = new ReportReader().read(seedPath(file), seedPath(file).getParent());
        JsonNode actual = Json.mapper().valueToTree(report);
        List<String> diffs = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equals("note")) {
                continue;
            }
            if (key.equals("figures")) {
                diffFigures(field.getValue(), actual.get("figures"), diffs);
            } else if (!same(field.getValue(), actual.get(key))) {
                diffs.add(key + ": expected " + field.getValue() + ", got " + actual.get(key));
            }
        }
        if (expected.get("template").isNull()) {
            String note = report.note();
            assertTrue(note != null && note.contains("未找到统计表"),
                    file + ": a report without tables must say so in its note, got " + note);
        }
        assertTrue(diffs.isEmpty(), file + " differs from seeds-expected.json in " + diffs.size() + " field(s):\n  "
                + String.join("\n  ", diffs) + (report.note() == null ? "" : "\n(parser note: " + report.note() + ")"));
    }

    private static void diffFigures(JsonNode expected, JsonNode actual, List<String> diffs) {
        TreeSet<String> ids = new TreeSet<>();
        expected.fieldNames().forEachRemaining(ids::add);
        actual.fieldNames().forEachRemaining(ids::add);
        for (String id : ids) {
            if (!same(expected.get(id), actual.get(id))) {
                diffs.add("figures." + id + ": expected " + expected.get(id) + ", got " + actual.get(id));
            }
        }
    }

    /** Numbers compare by value (0 and 0.0 are the same figure); everything else by JSON equality. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b || (a != null && a.isNull()) || (b != null && b.isNull()) && (a == null || a.isNull());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    static Path seedPath(String file) throws URISyntaxException {
        return Path.of(SeedsGoldenTest.class.getResource("/seeds/" + file).toURI());
    }
}
