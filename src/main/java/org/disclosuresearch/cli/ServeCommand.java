package org.disclosuresearch.cli;

import org.disclosuresearch.api.ApiServer;
import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.Backends;
import org.disclosuresearch.index.IndexHealth;
import org.disclosuresearch.index.IndexUnusable;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.ReportFileReader;
import org.disclosuresearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: brings the index up to date with {@code --docs}, then serves the search page and the JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Index --docs (when given), then serve the search page and the JSON API until Ctrl-C.",
                "Exit 2 when the server cannot start (bad option, unusable index, port taken)."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--docs", paramLabel = "DIR",
            description = "corpus folder to index first (recursively); its files are offered for download")
    Path docs;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
            description = "index folder (default: ${DEFAULT-VALUE})")
    Path index;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070",
            description = "port to listen on, 0 for any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "also answer requests addressed to this host name (a proxy's or a DNS name; repeatable; "
                    + "* for any). By default only the names of the bound address are accepted")
    List<String> allowedHosts = new ArrayList<>();

    @Mixin
    IngestLimitsOptions limits = new IngestLimitsOptions();

    @Mixin
    BackendOption backendOption = new BackendOption();

    @Override
    public Integer call() throws Exception {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (docs != null && !Files.isDirectory(docs)) {
            err.println("serve: --docs " + docs + " is not a folder");
            return 2;
        }
        IndexerConfig config = IndexerConfig.defaults().withReader(ReportFileReader.withLimits(limits.limits()))
                .withFollowLinks(limits.followLinks);
        if (port < 0 || port > 65535) {
            err.println("serve: --port must be between 0 and 65535, got " + port);
            return 2;
        }
        BackendOptions options;
        try {
            options = backendOption.options(index);
            Backends.provider(options);
        } catch (IllegalArgumentException e) {
            err.println("serve: " + e.getMessage());
            return 2;
        }
        SearchBackend backend;
        try {
            if (docs != null) {
                updateIndex(options, config, err); // the indexer verifies the index's checksums when it opens it
            } else if (BackendOptions.EMBEDDED.equals(options.kind())) {
                verify(err);
            }
            backend = Backends.openSearch(options);
        } catch (IndexUnusable e) {
            err.println("serve: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("serve: cannot use the " + (BackendOptions.EMBEDDED.equals(options.kind()) ? "index at "
                    : "") + options.location() + ": " + rootMessage(e));
            return 2;
        }
        ApiServer server;
        try {
            server = new ApiServer(backend, ApiServer.Options.defaults(host, port, docs)
                    .withFollowLinks(limits.followLinks).withAllowedHosts(Set.copyOf(allowedHosts))).start();
        } catch (RuntimeException e) {
            backend.close();
            err.println("serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("serve: shutting down");
            server.close();
            try {
                backend.close();
            } catch (Exception e) {
                err.println("serve: closing the index failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "serve-shutdown"));
        String shownHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        System.out.println("Serving " + backend.size() + " reports from " + options.location() + ". Open http://" + shownHost + ":"
                + server.port() + "/ in a browser (Ctrl-C stops the server).");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /**
     * Without --docs there is nothing to rebuild from here: a damaged index is served (its other reports are fine),
     * after a warning that names the damaged reports and the way out; each of them answers a JSON error.
     */
    private void verify(PrintStream err) throws IOException {
        if (!Files.isDirectory(index) || !IndexHealth.exists(index)) {
            return;
        }
        if (!IndexHealth.checksums(index).isEmpty()) {
            err.println("serve: WARNING " + IndexHealth.check(index).describe(index));
        }
    }

    private void updateIndex(BackendOptions options, IndexerConfig config, PrintStream err) throws IOException {
        err.println("serve: indexing " + docs + " into " + options.location() + " …");
        IndexSummary summary = IndexRun.update(docs, options, config, err);
        err.println("serve: " + IndexRun.summary(summary, options));
        IndexRun.printFailures(summary, err, 20);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
