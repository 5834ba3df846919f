package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.TableLayout;
import org.disclosuresearch.synthetic.SyntheticReport;
import org.disclosuresearch.parse.ReportReader;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic corpus is only worth benchmarking if the project's parser reads it as the generator wrote it: every
 * figure and check of the PDF- and DOCX-like reports; of the crawled pages (cells glued), the metadata, no wrong
 * figure, and most figures.
 */
class GeneratedReportsParseTest {

    @Test
    void theProjectsParserReadsBackEveryFigureAndCheck(@TempDir Path tmp) throws Exception {
        int n = 300;
        SyntheticCorpus corpus = new SyntheticCorpus(tmp, 11);
        corpus.ensure(n, done -> { });
        ReportReader reader = new ReportReader();
        List<String> problems = new ArrayList<>();
        Set<String> combinations = new HashSet<>();
        int withFailedChecks = 0;
        ParseAgreement.FigureCounts crawled = ParseAgreement.FigureCounts.NONE;
        for (long i = 0; i < n; i++) {
            SyntheticReport expected = corpus.generator().generate(i);
            Report parsed = reader.read(corpus.file(i), tmp);
            List<String> d = ParseAgreement.differences(expected, parsed);
            if (!d.isEmpty() && problems.size() < 10) {
                problems.add(expected.id() + " (" + expected.template() + ", " + expected.layout() + "): " + d);
            }
            combinations.add(expected.template() + "/" + expected.layout());
            withFailedChecks += parsed.failedChecks().isEmpty() ? 0 : 1;
            if (expected.layout() == TableLayout.CRAWLED) {
                crawled = crawled.plus(ParseAgreement.figures(expected, parsed));
            }
            assertTrue(parsed.text().contains(expected.agency()), "normalized text keeps the agency name");
            for (String phrase : expected.planted()) {
                assertTrue(parsed.text().contains(phrase), phrase + " in the normalized text of " + expected.id());
            }
        }
        assertEquals(List.of(), problems, "generated reports the parser reads differently");
        assertEquals(Set.of("2021/SPACED", "2021/CELLS", "2021/CRAWLED", "2019/SPACED", "2019/CELLS", "2019/CRAWLED"),
                combinations);
        System.out.printf("crawled pages: %d of %d figures exact (%.1f%%), %d absent, %d wrong%n", crawled.exact(),
                crawled.printed(), 100.0 * crawled.exact() / crawled.printed(), crawled.absent(), crawled.wrong());
        assertEquals(0, crawled.wrong(), "wrong figures on crawled pages");
        assertTrue(crawled.exact() > 0.9 * crawled.printed(), "figures read on crawled pages: " + crawled);
        assertTrue(withFailedChecks > 0 && withFailedChecks < n / 10, "reports with failed checks: " + withFailedChecks);
    }
}
