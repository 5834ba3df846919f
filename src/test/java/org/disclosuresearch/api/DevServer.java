package org.disclosuresearch.api;

import java.nio.file.Files;

/** Runs the server over the indexed sample corpus for working on the page: {@code java ... DevServer PORT}. */
final class DevServer {
    public static void main(String[] args) throws Exception {
        new ApiServer(SampleCorpus.open(Files.createTempDirectory("dev-index")), ApiServer.Options.defaults("127.0.0.1",
                Integer.parseInt(args[0]), SampleCorpus.DOCS)).start();
        Thread.currentThread().join();
    }
}
