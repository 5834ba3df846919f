package org.disclosuresearch.synthetic;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator writes reports that look like the real mix, with consistent figures; crawled pages are a knob. */
class SyntheticReportGeneratorTest {

    @Test
    void theCrawledShareIsAKnobAndZeroLeavesNoCrawledPage() {
        SyntheticReportGenerator none = new SyntheticReportGenerator(9, 0);
        SyntheticReportGenerator all = new SyntheticReportGenerator(9, 1);
        for (int i = 0; i < 50; i++) {
            assertNotEquals(TableLayout.CRAWLED, none.generate(i).layout());
            assertEquals(TableLayout.CRAWLED, all.generate(i).layout());
        }
        assertThrows(IllegalArgumentException.class, () -> new SyntheticReportGenerator(9, 1.5));
    }

    @Test
    void realisticRepetitionVariesNarrativeClausesOnlyAndStaysDeterministic() {
        SyntheticReportGenerator templates = new SyntheticReportGenerator(21, 0.2, Repetition.TEMPLATES);
        SyntheticReportGenerator realistic = new SyntheticReportGenerator(21, 0.2, Repetition.REALISTIC);
        SyntheticReportGenerator again = new SyntheticReportGenerator(21, 0.2, Repetition.REALISTIC);
        Set<String> templateClauses = new HashSet<>();
        Set<String> realisticClauses = new HashSet<>();
        long templateCount = 0;
        long realisticCount = 0;
        for (int i = 0; i < 40; i++) {
            SyntheticReport t = templates.generate(i);
            SyntheticReport r = realistic.generate(i);
            assertEquals(r.text(), again.generate(i).text(), "one seed, one corpus");
            assertNotEquals(t.text(), r.text(), "report " + i + " has varied clauses");
            // only the narrative changes: figures, layout, planted phrases and metadata are those of the old corpus
            assertEquals(t.figures(), r.figures());
            assertEquals(t.layout(), r.layout());
            assertEquals(t.planted(), r.planted());
            assertEquals(t.agency(), r.agency());
            for (String p : r.planted()) {
                assertTrue(r.text().contains(p), "planted phrase " + p + " survives in report " + i);
            }
            for (String c : t.text().split("[^\\p{L}\\p{N}]+")) {
                templateCount++;
                templateClauses.add(c);
            }
            for (String c : r.text().split("[^\\p{L}\\p{N}]+")) {
                realisticCount++;
                realisticClauses.add(c);
            }
        }
        double templateRepeated = 1 - (double) templateClauses.size() / templateCount;
        double realisticRepeated = 1 - (double) realisticClauses.size() / realisticCount;
        assertTrue(realisticRepeated < templateRepeated - 0.1,
                "realistic repeats fewer clauses: " + realisticRepeated + " vs " + templateRepeated);
        assertThrows(IllegalArgumentException.class, () -> Repetition.parse("often"));
        assertEquals(Repetition.TEMPLATES, Repetition.parse("templates"));
    }

    @Test
    void aCrawledReportIsAPortalPageInOneLine() {
        SyntheticReportGenerator generator = new SyntheticReportGenerator(13, 1);
        for (int i = 0; i < 30; i++) {
            SyntheticReport r = generator.generate(i);
            String[] lines = r.text().split("\n");
            assertTrue(lines[0].startsWith("标题: " + r.agency()), lines[0]);
            assertTrue(lines[1].matches("发布时间: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), lines[1]);
            assertTrue(r.text().contains("\n原文链接: https://"), "source URL line");
            int marker = List.of(lines).indexOf("==================== 正文 ====================");
            assertEquals(lines.length - 2, marker, "the page's text is the one line after the 正文 marker");
            String body = lines[lines.length - 1];
            assertTrue(body.startsWith("首页 > ") && body.endsWith("【关闭窗口】"), "site navigation around the report");
            assertTrue(body.contains(TableWriter.TABLE_3 + "（本列数据的勾稽关系为"), "table headers glued together");
            // a table 三 row: its label, then its seven cells glued or spaced, then the next label
            assertTrue(body.matches(".*二、上年结转政府信息公开申请数量 ?[0-9 ]+三、本年度办理结果.*"), r.id());
        }
    }

    @Test
    void reportsLookLikeTheRealMix() {
        SyntheticReportGenerator generator = new SyntheticReportGenerator(42);
        int n = 1400;
        Map<String, Integer> templates = new HashMap<>();
        Map<TableLayout, Integer> layouts = new HashMap<>();
        Map<String, Integer> planted = new HashMap<>();
        Set<String> provinces = new HashSet<>();
        Set<String> types = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        int failing = 0;
        int zeroApplications = 0;
        for (int i = 0; i < n; i++) {
            SyntheticReport r = generator.generate(i);
            int bytes = r.text().getBytes(StandardCharsets.UTF_8).length;
            sizes.add(bytes);
            templates.merge(r.template(), 1, Integer::sum);
            layouts.merge(r.layout(), 1, Integer::sum);
            r.planted().forEach(p -> planted.merge(p, 1, Integer::sum));
            provinces.add(r.region().province());
            types.add(r.agencyType());
            failing += r.failedChecks().isEmpty() ? 0 : 1;
            zeroApplications += r.figures().get("apps_new_total").longValue() == 0 ? 1 : 0;
            assertTrue(r.text().contains(r.agency()), "the agency is named in its report");
            assertTrue(r.text().contains(TableWriter.TABLE_3), "table 三 is printed");
            assertEquals(r.year() >= 2021 ? "2021" : "2019", r.template());
            for (String p : r.planted()) {
                assertTrue(r.text().replaceAll("\\s+", "").contains(p), p + " planted in " + r.id());
            }
        }
        sizes.sort(Integer::compare);
        assertTrue(sizes.get(n / 20) >= 5 * 1024, "5th percentile size " + sizes.get(n / 20));
        assertTrue(sizes.get(n - 1 - n / 100) <= 31 * 1024, "99th percentile size " + sizes.get(n - 1 - n / 100));
        assertTrue(templates.get("2019") > n / 5 && templates.get("2021") > n / 2, templates.toString());
        // a fifth are crawled portal pages (DEFAULT_CRAWLED_SHARE), the rest half PDF-like, half DOCX-like
        assertTrue(layouts.get(TableLayout.CRAWLED) > n * 0.16 && layouts.get(TableLayout.CRAWLED) < n * 0.24, layouts.toString());
        assertTrue(layouts.get(TableLayout.SPACED) > n * 0.35 && layouts.get(TableLayout.CELLS) > n * 0.35, layouts.toString());
        assertTrue(provinces.size() >= 25, "provinces " + provinces.size());
        assertTrue(types.size() >= 35, "agency types " + types.size());
        assertTrue(failing > 0 && failing < n / 10, "reports with failing checks: " + failing);
        assertTrue(zeroApplications > n / 4 && zeroApplications < 3 * n / 4, "no applications: " + zeroApplications);
        // 跨省通办 at 2%: 28 expected in 1400
        int common = planted.getOrDefault("跨省通办", 0);
        assertTrue(common > 12 && common < 50, "跨省通办 planted " + common + " times");
    }

    @Test
    void figuresAreConsistentUnlessMarkedFailing() {
        SyntheticReportGenerator generator = new SyntheticReportGenerator(5);
        for (int i = 0; i < 300; i++) {
            SyntheticReport r = generator.generate(i);
            Map<String, Number> f = r.figures();
            for (String col : FigureSampler.plusTotal()) {
                long in = f.get(FigureSampler.id("new", col)).longValue() + f.get(FigureSampler.id("carried", col)).longValue();
                long out = f.get(FigureSampler.id("total", col)).longValue() + f.get(FigureSampler.id("carryover", col)).longValue();
                assertEquals(in, out, "balance:" + col + " in " + r.id());
            }
            if (r.failedChecks().isEmpty()) {
                for (String row : new FigureSampler().outcomeRows(r.template())) {
                    long parts = FigureSampler.COLUMNS.stream().mapToLong(c -> f.get(FigureSampler.id(row, c)).longValue()).sum();
                    assertEquals(parts, f.get(FigureSampler.id(row, "total")).longValue(), "row_sum:" + row + " in " + r.id());
                }
            }
            assertEquals(f.get("review_total").longValue(), f.get("review_upheld").longValue()
                    + f.get("review_corrected").longValue() + f.get("review_other").longValue()
                    + f.get("review_pending").longValue());
        }
    }
}
