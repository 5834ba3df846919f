package org.disclosuresearch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {

    @Test
    void aMissingDocsFolderIsAClearError(@TempDir Path dir) {
        assertEquals(2, Main.run("serve", "--docs", dir.resolve("nowhere").toString(), "--index",
                dir.resolve("index").toString(), "--port", "0"));
    }

    @Test
    void aTakenPortIsAClearError(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(2, Main.run("serve", "--index", dir.resolve("index").toString(), "--port",
                    Integer.toString(taken.getLocalPort())));
        }
    }

    /** The README's main command: indexes data/sample, then serves the page and the API. */
    @Test
    void servesTheSampleCorpusAfterIndexingIt(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] args = {"serve", "--docs", Path.of("data", "sample").toString(), "--index",
                dir.resolve("index").toString(), "--port", Integer.toString(port)};
        Thread serve = new Thread(() -> Main.run(args), "serve-under-test");
        // the command runs until the JVM stops (Ctrl-C); the test JVM ending is its end here
        serve.setDaemon(true);
        serve.start();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> health = null;
        for (int i = 0; i < 300 && health == null; i++) {
            try {
                health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException notYet) {
                assertTrue(serve.isAlive(), "serve stopped before listening");
                Thread.sleep(100);
            }
        }
        assertTrue(health != null, "serve did not listen within 30 s");
        assertTrue(health.body().contains("\"reports\":5"), health.body());
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("政府信息公开年度报告检索"));
    }
}
