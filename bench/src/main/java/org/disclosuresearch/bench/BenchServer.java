package org.disclosuresearch.bench;

import org.disclosuresearch.api.ApiServer;
import org.disclosuresearch.api.SearchParameters;
import org.disclosuresearch.search.LuceneSearchBackend;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The server the HTTP benchmark runs in its own JVM (so that its heap limit is the one a user gives {@code serve}):
 * the project's {@link ApiServer} on a free loopback port, without the per-client rate limit that would otherwise
 * throttle a load generator on the same address. Prints {@code PORT n} when ready; stops on SIGTERM or end of input.
 */
public final class BenchServer {

    static final String READY = "PORT ";

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BenchServer INDEX_DIR");
            System.exit(2);
        }
        LuceneSearchBackend backend = LuceneSearchBackend.open(Path.of(args[0]));
        ApiServer server = new ApiServer(backend, new ApiServer.Options("127.0.0.1", 0, null,
                SearchParameters.Limits.DEFAULT, 1e9, Integer.MAX_VALUE)).start();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                backend.close();
            } catch (Exception e) {
                System.err.println("closing the index failed: " + e.getMessage());
            }
            stop.countDown();
        }));
        System.out.println(READY + server.port());
        System.out.flush();
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent keeps our stdin open while it wants us; end of input means it is gone
                }
            } catch (Exception ignored) {
                // same: the parent is gone
            }
            System.exit(0);
        });
        watcher.setDaemon(true);
        watcher.start();
        stop.await();
    }
}
