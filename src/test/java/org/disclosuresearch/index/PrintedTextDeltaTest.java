package org.disclosuresearch.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrintedTextDeltaTest {

    /** Everything the normalizer changes: full-width forms, line breaks, spaces between Han, edge and odd whitespace. */
    private static final String PRINTED = "\n\u3000蛟河市地方金融监督管理局\n2025年政府信息公开工作年度报告\r\n\n"
            + "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。\n"
            + "依申\n请公开　１２ 件，其中：法人或其他组织\t\t3件；ＡＢＣ abc\u00A0 𠀀𠀁 字\u2003〇\n"
            + "一、总体情况 \n";

    @Test
    void the_printed_text_comes_back_exactly_from_the_normalized_text_and_a_delta_smaller_than_it() {
        String normalized = Normalizer.normalize(PRINTED);
        BytesRef delta = PrintedTextDelta.of(normalized, PRINTED);
        assertNotNull(delta);
        assertEquals(PRINTED, PrintedTextDelta.apply(normalized, delta));
        assertTrue(delta.length * 2 < PRINTED.getBytes(StandardCharsets.UTF_8).length,
                delta.length + " bytes of delta");
    }

    @Test
    void texts_the_normalizer_leaves_alone_or_empties_round_trip() {
        for (String printed : List.of("", "政府信息公开", " \n\t ", "a  b", "　", "（）")) {
            String normalized = Normalizer.normalize(printed);
            BytesRef delta = PrintedTextDelta.of(normalized, printed);
            assertNotNull(delta, printed);
            assertEquals(printed, PrintedTextDelta.apply(normalized, delta), printed);
        }
        assertEquals(0, PrintedTextDelta.of("政府信息公开", "政府信息公开").length);
    }

    @Test
    void a_normalized_text_that_is_not_the_printed_texts_gives_no_delta() {
        assertNull(PrintedTextDelta.of("另一份报告", PRINTED));
    }

    @Test
    void the_index_stores_the_delta_and_the_report_view_reads_the_printed_text_back(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        Report derived = Report.builder().id("a").file("a.txt").agency("蛟河市地方金融监督管理局").year(2025)
                .text(Normalizer.normalize(PRINTED)).printedText(PRINTED).build();
        // a report whose texts do not derive from each other (loaded from elsewhere) keeps its printed text whole
        Report unrelated = Report.builder().id("b").file("b.txt").agency("蛟河市地方金融监督管理局").year(2025)
                .text("政府信息公开工作年度报告").printedText("另一份：印刷的文本").build();
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.index(List.of(derived, unrelated));
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            for (int d = 0; d < reader.maxDoc(); d++) {
                Document doc = reader.storedFields().document(d);
                boolean isDerived = doc.get(Fields.ID).equals("a");
                assertEquals(isDerived, doc.getBinaryValue(Fields.PRINTED_DELTA) != null, doc.get(Fields.ID));
                assertEquals(isDerived, doc.get(Fields.PRINTED_TEXT) == null, doc.get(Fields.ID));
            }
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(PRINTED, backend.report("a").orElseThrow().printedText());
            assertEquals("另一份：印刷的文本", backend.report("b").orElseThrow().printedText());
        }
    }
}
