package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryException;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.UnknownFigureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The HTTP server: the JSON API under {@code /api} and the search page (classpath {@code /web}) at {@code /}.
 * Speaks only {@link SearchBackend}; knows nothing of Lucene.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final SearchBackend backend;
    private final Options options;
    private final SearchParameters parameters;
    private final OriginalFiles originals;
    private final ClientRateLimiter rateLimiter;
    private final Javalin app;

    /**
     * @param docsRoot        the corpus folder originals are served from, or null
     * @param requestsPerSecond sustained requests per client; {@code burst} more may come at once
     */
    public record Options(String host, int port, Path docsRoot, SearchParameters.Limits limits,
                          double requestsPerSecond, int burst) {
        public static Options defaults(String host, int port, Path docsRoot) {
            return new Options(host, port, docsRoot, SearchParameters.Limits.DEFAULT, 20, 100);
        }
    }

    public ApiServer(SearchBackend backend, Options options) {
        this.backend = backend;
        this.options = options;
        this.parameters = new SearchParameters(options.limits());
        this.originals = new OriginalFiles(options.docsRoot());
        this.rateLimiter = new ClientRateLimiter(options.requestsPerSecond(), options.burst());
        this.app = Javalin.create(this::configure);
    }

    /** Starts listening; returns this server (port 0 picks a free port, see {@link #port()}). */
    public ApiServer start() {
        app.start(options.host(), options.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        config.routes.before(this::securityHeaders);
        config.routes.before("/api/*", this::rateLimit);
        config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "reports", backend.size())));
        config.routes.get("/api/fields", ctx -> ctx.json(FieldsResponse.catalogue()));
        config.routes.get("/api/search", ctx -> ctx.json(backend.search(parameters.search(ctx.queryParamMap()))));
        config.routes.get("/api/reports/{id}", this::reportView);
        config.routes.get("/api/reports/{id}/original", this::original);
        config.routes.get("/api/export.csv", this::export);
        // A path or method no route knows (GET /api/nothing, POST /api/search): Javalin would answer in plain text,
        // the API answers in JSON. A 404 that already has its JSON body (unknown report) is left alone.
        config.routes.error(404, "*", ctx -> {
            boolean answered = String.valueOf(ctx.res().getContentType()).startsWith("application/json");
            if (ctx.path().startsWith("/api") && !answered) {
                error(ctx, 404, new ApiError("not found", "no API endpoint " + ctx.method() + " " + ctx.path()
                        + " (GET /api/health, /api/search, /api/reports/{id}, /api/reports/{id}/original, "
                        + "/api/export.csv, /api/fields)", null));
            }
        });
        config.routes.exception(InvalidRequestException.class, (e, ctx) -> error(ctx, 400,
                new ApiError("invalid parameter '" + e.parameter() + "'", e.getMessage()
                        + (e instanceof UnknownFigureException ? "; GET /api/fields lists every figure id" : ""),
                        e.parameter())));
        // the message is the whole answer, in plain Chinese: the page shows it as it is
        config.routes.exception(QueryException.class, (e, ctx) -> error(ctx, 400,
                new ApiError(e.getMessage(), null, e.parameter(), e.code().id())));
        config.routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, new ApiError("not found", e.getMessage(),
                null)));
        config.routes.exception(TooManyRequests.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            error(ctx, 429, new ApiError("too many requests", e.getMessage(), null));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} failed", ctx.fullUrl(), e);
            error(ctx, 500, new ApiError("internal error",
                    "the server could not answer this request; the cause is in the server log", null));
        });
    }

    private void securityHeaders(Context ctx) {
        // Report text is untrusted: even if an escape were missed, no inline or foreign script may run.
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private void rateLimit(Context ctx) {
        if (!rateLimiter.tryAcquire(ctx.ip())) {
            throw new TooManyRequests("more than " + (int) options.requestsPerSecond() + " requests per second from "
                    + "this client; wait a moment and retry");
        }
    }

    private Report report(String id) {
        return backend.report(id).orElseThrow(() -> new NotFound("no report with id '" + id + "'"));
    }

    /**
     * The report; with {@code q} (and {@code match}), also its whole text highlighted by the engine
     * ({@code highlightedText}) and the number of marks in it ({@code matchCount}).
     */
    private void reportView(Context ctx) {
        String query = parameters.reportQuery(ctx.queryParamMap());
        MatchMode match = parameters.match(ctx.queryParamMap());
        Report report = report(ctx.pathParam("id"));
        if (query == null) {
            ctx.json(report);
            return;
        }
        SearchBackend.HighlightedText marked = backend.highlightedText(report.id(), query, match)
                .orElseThrow(() -> new NotFound("no report with id '" + report.id() + "'"));
        ObjectNode body = Json.mapper().valueToTree(report);
        body.put("highlightedText", marked.html());
        body.put("matchCount", marked.matchCount());
        ctx.json(body);
    }

    private void original(Context ctx) throws IOException {
        Report report = report(ctx.pathParam("id"));
        if (!originals.available()) {
            throw new NotFound("original files are not served: the server was started without --docs");
        }
        Path file = originals.locate(report.source())
                .orElseThrow(() -> new NotFound("the original file of report '" + report.id()
                        + "' is no longer in the docs folder"));
        ctx.contentType(OriginalFiles.contentType(report.source().format()));
        String name = file.getFileName().toString();
        ctx.header("Content-Disposition", "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.outputStream());
        }
    }

    private void export(Context ctx) throws IOException {
        Map<String, List<String>> params = ctx.queryParamMap();
        SearchRequest request = parameters.export(params);
        List<String> columns = parameters.columns(params);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"disclosure-search.csv\"");
        // Buffered: a request the backend rejects (query syntax) fails before anything is committed.
        Writer writer = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        CsvExport csv = new CsvExport(writer, columns);
        csv.writeHeader();
        backend.export(request, csv::write);
        writer.flush();
    }

    private static String asciiFallback(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void error(Context ctx, int status, ApiError body) {
        ctx.status(status).json(body);
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class TooManyRequests extends RuntimeException {
        TooManyRequests(String message) {
            super(message);
        }
    }
}
