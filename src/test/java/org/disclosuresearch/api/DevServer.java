package org.disclosuresearch.api;

import java.nio.file.Path;

/** Runs the server over the seed backend for working on the page: {@code java ... DevServer PORT}. */
final class DevServer {
    public static void main(String[] args) throws Exception {
        Path docs = Path.of("data/sample");
        new ApiServer(new SeedSearchBackend(docs), ApiServer.Options.defaults("127.0.0.1",
                Integer.parseInt(args[0]), docs)).start();
        Thread.currentThread().join();
    }
}
