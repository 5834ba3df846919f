package org.disclosuresearch.index;

import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.IndexSummary;

import org.disclosuresearch.ingest.FormatFixtures;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of mixed formats is indexed; then every bad input of issue 6 is dropped into it (with one more good
 * report) and the index is updated: each bad file is one failure naming the file and its reason, the good file
 * gets in, and everything indexed before still answers.
 */
class IndexSurvivesBadFilesTest {

    @TempDir
    Path work;

    private static final String PHRASE = "\"依申请公开\"";

    @Test
    void badFilesFailOneByOneAndTheIndexStillAnswers() throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Path seeds = FormatFixtures.twin().getParent();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path seed : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                Files.copy(seed, corpus.resolve(seed.getFileName()));
            }
        }
        Files.createDirectories(corpus.resolve("docx"));
        Files.copy(FormatFixtures.file(FormatFixtures.NAME + ".docx"), corpus.resolve("docx/weihai-docx.docx"));
        Files.copy(FormatFixtures.file(FormatFixtures.NAME + ".html"), corpus.resolve("weihai-html.html"));
        Path index = work.resolve("index");

        Set<String> before;
        long phraseHitsBefore;
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults().withThreads(2))) {
            IndexSummary first = indexer.update(List.of(corpus), null);
            assertEquals(7, first.indexed(), first.failed().toString());
            assertTrue(first.failed().isEmpty(), first.failed().toString());
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(7, backend.size());
            SearchResult hits = backend.search(SearchRequest.of(PHRASE));
            phraseHitsBefore = hits.total();
            before = hits.hits().stream().map(SearchResult.Hit::id).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(phraseHitsBefore >= 3, "the phrase is in several reports: " + phraseHitsBefore);
        }

        Path bad = Files.createDirectories(corpus.resolve("bad"));
        Map<String, String> expectedKinds = new TreeMap<>(Map.of(
                org.disclosuresearch.ingest.BadFilesAccess.empty(bad).getFileName().toString(), "EMPTY",
                org.disclosuresearch.ingest.BadFilesAccess.truncatedPdf(bad).getFileName().toString(), "UNREADABLE",
                org.disclosuresearch.ingest.BadFilesAccess.encryptedPdf(bad).getFileName().toString(), "ENCRYPTED",
                org.disclosuresearch.ingest.BadFilesAccess.encryptedDocx(bad).getFileName().toString(), "ENCRYPTED",
                org.disclosuresearch.ingest.BadFilesAccess.scannedPdf(bad).getFileName().toString(), "NEEDS_OCR",
                org.disclosuresearch.ingest.BadFilesAccess.docxZipBomb(bad).getFileName().toString(), "TOO_COMPLEX",
                org.disclosuresearch.ingest.BadFilesAccess.huge(bad).getFileName().toString(), "TOO_LARGE",
                org.disclosuresearch.ingest.BadFilesAccess.junkNamedPdf(bad).getFileName().toString(),
                "UNSUPPORTED_FORMAT"));
        Files.writeString(bad.resolve("news.txt"), "市民广场今日举行迎春灯会，数千名群众前来观赏，现场秩序井然。\n",
                StandardCharsets.UTF_8);
        expectedKinds.put("news.txt", "NOT_A_REPORT");
        Files.createSymbolicLink(bad.resolve("loop"), corpus);
        Files.copy(FormatFixtures.file(FormatFixtures.NAME + "-gbk.txt"), corpus.resolve("weihai-gbk.txt"));

        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults().withThreads(2))) {
            IndexSummary second = indexer.update(List.of(corpus), null);
            assertEquals(1, second.indexed(), "only the new good report: " + second);
            assertEquals(7, second.unchanged());
            assertEquals(0, second.deleted());
            Map<String, String> kinds = new TreeMap<>();
            for (IndexSummary.Failure f : second.failed()) {
                kinds.put(f.file().getFileName().toString(), f.kind());
                assertTrue(f.reason().startsWith(f.file().toString() + ": "), f.reason());
            }
            assertEquals(expectedKinds, kinds, second.failed().toString());
        }
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(8, backend.size());
            SearchResult hits = backend.search(SearchRequest.of(PHRASE));
            Set<String> after = hits.hits().stream().map(SearchResult.Hit::id).collect(Collectors.toSet());
            assertTrue(after.containsAll(before), "lost: " + before + " vs " + after);
            assertEquals(phraseHitsBefore + 1, hits.total(), "the GBK twin adds one hit");
            for (String id : before) {
                assertTrue(backend.report(id).isPresent(), id);
            }
        }
    }
}
