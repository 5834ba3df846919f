package org.disclosuresearch.parse;

import org.disclosuresearch.ingest.Provenance;
import org.disclosuresearch.ingest.SourceDocument;
import org.disclosuresearch.ingest.TextBlock;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same report in other whitespace layouts reads the same: one cell per line (PDF), tab-separated cells,
 * CRLF line ends, no-break and ideographic spaces, full-width digits. Only whitespace and width change, so
 * every figure, the template and the failed checks must stay as they were.
 */
class LayoutVariantsTest {

    private static final List<String> SEEDS = List.of("000_c6adf1d2ada892b8.txt", "001_93bb57e9bc1ba9ba.txt",
            "002_1effd3284db83ec5.txt", "004_0a91ce1974c0f436.txt");

    private static final Map<String, UnaryOperator<String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("one cell per line", s -> s.replace(' ', '\n').replace('\t', '\n'));
        VARIANTS.put("tab-separated cells", s -> s.replace(' ', '\t'));
        VARIANTS.put("CRLF line ends", s -> s.replace("\n", "\r\n"));
        VARIANTS.put("no-break and ideographic spaces", s -> s.replace(" ", "\u00A0").replace("\t", "\u3000"));
        VARIANTS.put("full-width digits", LayoutVariantsTest::fullWidthDigits);
    }

    @TestFactory
    Stream<DynamicTest> layoutsReadAlike() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String seed : SEEDS) {
            String text = Files.readString(SeedsGoldenTest.seedPath(seed), StandardCharsets.UTF_8);
            Report original = parse(text);
            for (Map.Entry<String, UnaryOperator<String>> variant : VARIANTS.entrySet()) {
                tests.add(DynamicTest.dynamicTest(seed + " / " + variant.getKey(), () -> {
                    Report changed = parse(variant.getValue().apply(text));
                    assertEquals(original.template(), changed.template());
                    assertEquals(original.figures(), changed.figures());
                    assertEquals(original.failedChecks(), changed.failedChecks());
                    assertEquals(original.agency(), changed.agency());
                    assertEquals(original.published(), changed.published());
                }));
            }
        }
        return tests.stream();
    }

    private static Report parse(String text) throws Exception {
        return new ReportParser().parse(new SourceDocument(Path.of("r.txt"), "r.txt", "txt", text.length(), "0",
                List.of(new TextBlock(text)), Provenance.NONE));
    }

    private static String fullWidthDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.chars().forEach(c -> sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
        return sb.toString();
    }
}
