package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running server keeps answering, from a complete view, while an update is indexed into its index. */
class LiveUpdateTest {

    @Test
    void searchesKeepWorkingWhileAnUpdateIsIndexed(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        List<Path> samples;
        try (Stream<Path> files = Files.list(SampleCorpus.DOCS)) {
            samples = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : samples) {
            Files.copy(p, docs.resolve(p.getFileName()));
        }
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(docs), IndexProgress.NONE);
        }
        int before = samples.size();
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index);
             ApiServer server = new ApiServer(backend, new ApiServer.Options("127.0.0.1", 0, docs,
                     SearchParameters.Limits.DEFAULT, 1000, 1000)).start()) {
            HttpJson http = new HttpJson(server.port());
            assertEquals(before, http.get("/api/search").json().get("total").asInt());
            for (Path p : samples) {
                Files.copy(p, docs.resolve("copy-" + p.getFileName()));
            }
            CompletableFuture<Void> update = CompletableFuture.runAsync(() -> {
                try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
                    indexer.update(List.of(docs), IndexProgress.NONE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int requests = 0;
            int total = before;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while ((!update.isDone() || total != 2 * before) && System.nanoTime() < deadline) {
                HttpJson.Response r = http.get("/api/search?q=" + HttpJson.enc("公开"));
                assertEquals(200, r.status(), r.text());
                JsonNode body = r.json();
                total = body.get("total").asInt();
                assertTrue(total == before || total == 2 * before, "a half-written view: " + total + " reports");
                requests++;
                Thread.sleep(20);
            }
            update.join();
            System.out.println("live update: " + requests + " searches during the update");
            assertEquals(2 * before, total, "the server never saw the update");
            assertTrue(requests > 1);
        }
    }
}
