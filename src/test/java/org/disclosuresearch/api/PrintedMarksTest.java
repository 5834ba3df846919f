package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.disclosuresearch.api.HttpJson.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's marks on the normalized text, moved onto the text as printed. */
class PrintedMarksTest {
    private static final String PRINTED = "一、总体情况\n\n本机关依申\n请公开工作，全年收到申请 2 件。\n<b>说明</b> & “引号”\n";

    @Test
    void marksLandOnThePrintedTextWithItsLinesAndPunctuation() {
        String normalized = Normalizer.normalize(PRINTED);
        int at = normalized.indexOf("依申请公开");
        String highlighted = escape(normalized.substring(0, at)) + "<mark>依申请公开</mark>"
                + escape(normalized.substring(at + 5));
        String marked = PrintedMarks.apply(PRINTED, highlighted).orElseThrow();
        assertEquals("一、总体情况\n\n本机关<mark>依申\n请公开</mark>工作，全年收到申请 2 件。\n&lt;b&gt;说明&lt;/b&gt; &amp; “引号”\n",
                marked);
    }

    @Test
    void aHighlightOfAnotherTextIsNotMoved() {
        assertEquals(Optional.empty(), PrintedMarks.apply(PRINTED, "<mark>别的</mark>文本"));
    }

    /** End to end: a report that keeps its printed text gets printedHighlightedText from the API. */
    @Test
    void theReportViewCarriesThePrintedTextMarked(@TempDir Path dir) throws Exception {
        Report report = Report.builder().id("printed-1").file("printed-1.txt").agency("某市某局").year(2021)
                .region(Region.NONE).agencyType("其他").text(Normalizer.normalize(PRINTED)).printedText(PRINTED).build();
        try (Indexer indexer = new Indexer(dir.resolve("index"), IndexerConfig.defaults())) {
            indexer.index(List.of(report));
        }
        try (SearchBackend backend = LuceneSearchBackend.open(dir.resolve("index"));
             ApiServer server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, null)).start()) {
            HttpJson http = new HttpJson(server.port());
            JsonNode plain = http.get("/api/reports/printed-1").json();
            assertEquals(PRINTED, plain.get("printedText").asText());
            assertEquals(Normalizer.normalize(PRINTED), plain.get("text").asText(), "text stays the normalized one");
            JsonNode marked = http.get("/api/reports/printed-1?q=" + enc("依申请公开")).json();
            String printed = marked.get("printedHighlightedText").asText();
            assertTrue(printed.contains("本机关<mark>依申\n请公开</mark>工作，"), printed);
            assertTrue(printed.startsWith("一、总体情况\n\n"), printed);
            assertFalse(printed.contains("<b>"), printed);
            // a search hit never carries the texts
            JsonNode hit = http.get("/api/search?q=" + enc("依申请公开")).json().get("hits").get(0);
            assertFalse(hit.has("printedText"));
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
