package org.disclosuresearch.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.disclosuresearch.ingest.Block;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.ingest.SourceDocument;
import org.disclosuresearch.ingest.TableBlock;
import org.disclosuresearch.ingest.TextBlock;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bounded fuzzing of the parser with what readers can hand it: text and table blocks built from the template's
 * own labels, section headings, numbers of every shape and random characters, in any order. The parser must
 * return a report or throw a {@link DocumentProblem}, and never take long.
 */
class ReportParserFuzzProperties {

    private static final Path FILE = Path.of("fuzz", "report.docx");
    private static final Duration PARSE_LIMIT = Duration.ofSeconds(5);
    private final ReportParser parser = new ReportParser();

    @Property(tries = 120, seed = "20260108", shrinking = ShrinkingMode.OFF)
    void blocksGiveAReportOrAProblem(@ForAll("documents") List<Block> blocks) {
        SourceDocument doc = new SourceDocument(FILE, "fuzz/report.docx", "docx", 1, "0".repeat(64), blocks, null);
        assertTimeoutPreemptively(PARSE_LIMIT, () -> {
            try {
                Report report = parser.parse(doc);
                assertNotNull(report.figures());
            } catch (DocumentProblem p) {
                if (!p.getMessage().startsWith(FILE + ": ")) {
                    fail("problem does not name the file: " + p.getMessage());
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("parser threw " + e + " on " + blocks, e);
            }
        });
    }

    @Provide
    Arbitrary<List<Block>> documents() {
        Arbitrary<Block> block = Arbitraries.oneOf(text(), table());
        return block.list().ofMaxSize(12);
    }

    private static Arbitrary<String> word() {
        List<String> labels = new ArrayList<>();
        for (Figure f : FigureCatalog.get().all()) {
            labels.add(f.table());
            for (String part : (f.row() + " / " + f.column()).split(" / ")) {
                labels.add(part);
            }
        }
        labels.addAll(List.of("政府信息公开工作年度报告", "某某市某某局", "2021年", "2022年1月18日", "第二十条第（一）项",
                "信息内容", "总计", "（七）总计", "一、", "三、", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.integers().between(-500, 100_000).map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("0.5", "1,234", "-185", "１２３", "12.", ".7", "1e9", "0x1F", "—"));
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<String> space = Arbitraries.of(" ", "\n", "\u3000", "\u00A0", "\t", "\n\n", "");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(labels)),
                net.jqwik.api.Tuple.of(4, numbers),
                net.jqwik.api.Tuple.of(1, noise),
                net.jqwik.api.Tuple.of(2, space));
    }

    private static Arbitrary<Block> text() {
        return word().list().ofMaxSize(300).map(words -> new TextBlock(String.join(" ", words)));
    }

    private static Arbitrary<Block> table() {
        Arbitrary<List<String>> row = word().list().ofMaxSize(16);
        Arbitrary<List<List<String>>> rows = row.list().ofMaxSize(40);
        Arbitrary<Boolean> withMerges = Arbitraries.of(true, false);
        return Combinators.combine(rows, withMerges).as((r, merges) -> {
            if (!merges) {
                return new TableBlock(r);
            }
            List<List<Boolean>> merged = new ArrayList<>();
            for (List<String> cells : r) {
                List<Boolean> flags = new ArrayList<>();
                for (String cell : cells) {
                    flags.add(cell.isBlank());
                }
                merged.add(flags);
            }
            return new TableBlock(r, merged);
        });
    }
}
