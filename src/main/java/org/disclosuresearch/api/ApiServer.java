package org.disclosuresearch.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.disclosuresearch.ingest.DocsFolder;
import org.disclosuresearch.parse.CheckExplanations;
import org.disclosuresearch.query.QueryException;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.DamagedIndexException;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.TextWindow;
import org.disclosuresearch.search.UnknownFigureException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final HostAllowList hosts;
    /** Separate caps, so that long exports cannot starve report views and searches. */
    private final RequestGate reportViews;
    private final RequestGate searches;
    private final RequestGate exports;
    private final Javalin app;
    private final CheckExplanations checkExplanations = new CheckExplanations();
    private static final String NOT_FOUND_PAGE = notFoundPage();

    /**
     * @param docsRoot          the corpus folder originals are served from, or null
     * @param requestsPerSecond sustained requests per client; {@code burst} more may come at once
     * @param followLinks       whether originals reached through links that leave {@code docsRoot} are served
     *                          (the same rule as the corpus walk: {@link DocsFolder})
     * @param allowedHosts      Host header names accepted besides those of the binding ({@code *}: any)
     * @param heavyRequests     how many report views, searches and exports may run at once (each kind)
     */
    public record Options(String host, int port, Path docsRoot, SearchParameters.Limits limits,
                          double requestsPerSecond, int burst, boolean followLinks, Set<String> allowedHosts,
                          int heavyRequests) {
        public Options {
            allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
        }

        public Options(String host, int port, Path docsRoot, SearchParameters.Limits limits,
                       double requestsPerSecond, int burst) {
            this(host, port, docsRoot, limits, requestsPerSecond, burst, false, Set.of(), defaultHeavyRequests());
        }

        public static Options defaults(String host, int port, Path docsRoot) {
            return new Options(host, port, docsRoot, SearchParameters.Limits.DEFAULT, 20, 100);
        }

        public Options withFollowLinks(boolean follow) {
            return new Options(host, port, docsRoot, limits, requestsPerSecond, burst, follow, allowedHosts,
                    heavyRequests);
        }

        public Options withAllowedHosts(Set<String> hosts) {
            return new Options(host, port, docsRoot, limits, requestsPerSecond, burst, followLinks, hosts,
                    heavyRequests);
        }

        public Options withHeavyRequests(int n) {
            return new Options(host, port, docsRoot, limits, requestsPerSecond, burst, followLinks, allowedHosts, n);
        }

        /**
         * Two per core: these requests are CPU-bound, so more at once only adds memory. At {@code -Xmx1g} the worst
         * report view (a text at the --max-text-chars limit, highlighted) peaks at a few tens of MB.
         */
        static int defaultHeavyRequests() {
            return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        }
    }

    public ApiServer(SearchBackend backend, Options options) {
        this.backend = backend;
        this.options = options;
        this.parameters = new SearchParameters(options.limits());
        this.originals = new OriginalFiles(options.docsRoot() == null ? null
                : new DocsFolder(options.docsRoot(), options.followLinks()));
        this.rateLimiter = new ClientRateLimiter(options.requestsPerSecond(), options.burst());
        this.hosts = HostAllowList.forBinding(options.host(), options.allowedHosts());
        this.reportViews = new RequestGate("report views", options.heavyRequests(), Duration.ofSeconds(5));
        this.searches = new RequestGate("searches", 2 * options.heavyRequests(), Duration.ofSeconds(5));
        // an export streams for as long as it has rows: a waiting one would only hold a thread
        this.exports = new RequestGate("exports", Math.max(1, options.heavyRequests() / 2), Duration.ZERO);
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
        config.routes.before(this::knownHostAndMethod);
        config.routes.before("/api/*", this::rateLimit);
        config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "reports", backend.size())));
        config.routes.get("/api/fields", ctx -> ctx.json(FieldsResponse.catalogue()));
        config.routes.get("/api/search", this::search);
        config.routes.get("/api/reports/{id}", this::reportView);
        config.routes.get("/api/agencies/{agencyKey}", this::agencyView);
        config.routes.get("/api/reports/{id}/original", this::original);
        config.routes.get("/api/export.csv", this::export);
        config.routes.get("/api/feed.atom", this::feed);
        // A path or method no route knows (GET /api/nothing, POST /api/search): Javalin would answer in plain text,
        // the API answers in JSON. A 404 that already has its JSON body (unknown report) is left alone.
        config.routes.error(404, "*", ctx -> {
            boolean answered = String.valueOf(ctx.res().getContentType()).startsWith("application/json");
            if (ctx.path().startsWith("/api") && !answered) {
                error(ctx, 404, new ApiError("not found", "no API endpoint " + ctx.method() + " " + ctx.path()
                        + " (GET /api/health, /api/search, /api/reports/{id}, /api/reports/{id}/original, "
                        + "/api/export.csv, /api/feed.atom, /api/fields)", null));
            } else if (!answered) {
                ctx.html(NOT_FOUND_PAGE); // a person's browser: the page's own words, in Chinese
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
        config.routes.exception(RequestGate.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", "2");
            error(ctx, 503, new ApiError("server busy", e.getMessage(), null));
        });
        config.routes.exception(MethodNotAllowed.class, (e, ctx) -> {
            ctx.header("Allow", "GET, HEAD");
            error(ctx, 405, new ApiError("method not allowed", e.getMessage(), null));
        });
        config.routes.exception(HostNotAllowed.class, (e, ctx) -> error(ctx, 403,
                new ApiError("host not allowed", e.getMessage(), null)));
        config.routes.exception(DamagedIndexException.class, (e, ctx) -> {
            LOG.warn("request {}: {}", ctx.path(), e.getMessage());
            error(ctx, 503, new ApiError("damaged index", e.getMessage(), null));
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

    private void search(Context ctx) {
        SearchRequest request = parameters.search(ctx.queryParamMap());
        try (RequestGate.Slot slot = searches.enter()) {
            ctx.json(backend.search(request));
        }
    }

    /**
     * The report with a window of its text ({@code text}, from {@code textOffset}, of {@code textLength} characters
     * in all); with {@code q} (and {@code match}), also that window highlighted by the engine ({@code highlightedText})
     * and the matches in the whole text ({@code matchCount}; {@code matches} is the same number). A window, so that
     * no answer grows with the report. When the window is the whole text and the report keeps its printed text, that
     * too ({@code printedText}) and, with {@code q}, the same marks on it ({@code printedHighlightedText}). Each failed
     * check comes explained ({@code checkExplanations}).
     */
    private void reportView(Context ctx) {
        SearchParameters.ReportView view = parameters.reportView(ctx.queryParamMap());
        String id = ctx.pathParam("id");
        try (RequestGate.Slot slot = reportViews.enter()) {
            Report report = report(id);
            TextWindow window = backend.highlightedText(id, view.query(), view.match(), view.offset(), view.length())
                    .orElseThrow(() -> new NotFound("no report with id '" + id + "'"));
            ObjectNode body = withExplainedChecks(report.withoutTexts());
            String text = report.text() == null ? "" : report.text();
            // read twice, so clamped: a re-index between the two reads may have changed the text's length
            body.put("text", text.substring(Math.min(window.offset(), text.length()),
                    Math.min(window.end(), text.length())));
            body.put("textOffset", window.offset());
            body.put("textLength", window.length());
            // a long report is read window by window in its normalized form; a whole one as printed
            boolean printed = report.printedText() != null && window.offset() == 0 && window.end() == text.length();
            if (printed) {
                body.put("printedText", report.printedText());
            }
            if (view.query() != null) {
                body.put("highlightedText", window.html());
                body.put("matchCount", window.matches());
                body.put("matches", window.matches());
                if (printed) {
                    PrintedMarks.apply(report.printedText(), window.html())
                            .ifPresent(marked -> body.put("printedHighlightedText", marked));
                }
            }
            ctx.json(body);
        }
    }

    /**
     * An agency across the years ({@link AgencyView}): {@code figures=} ids (repeated or comma-separated; none: no
     * series) as series with their year-over-year change.
     */
    private void agencyView(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        List<String> figures = parameters.agencyFigures(params);
        String key = ctx.pathParam("agencyKey");
        try (RequestGate.Slot slot = reportViews.enter()) {
            ctx.json(AgencyView.of(backend, key, figures)
                    .orElseThrow(() -> new NotFound("no report of an agency with key '" + key + "'")));
        }
    }

    /** The report with {@code checkExplanations}: each failed check's cells, expected and printed sums, sentence. */
    private ObjectNode withExplainedChecks(Report report) {
        ObjectNode body = Json.mapper().valueToTree(report);
        body.set("checkExplanations", Json.mapper().valueToTree(checkExplanations.of(report)));
        return body;
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
        ctx.header("Content-Disposition", attachment(file.getFileName().toString()));
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.outputStream());
        }
    }

    private void export(Context ctx) throws IOException {
        Map<String, List<String>> params = ctx.queryParamMap();
        SearchRequest request = parameters.export(params);
        CsvExport.Options options = parameters.csvOptions(params);
        try (RequestGate.Slot slot = exports.enter()) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", attachment(CsvExport.fileName(request.query(), LocalDate.now())));
            // Buffered: a request the backend rejects (query syntax) fails before anything is committed.
            Writer writer = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8),
                    1 << 16);
            CsvExport csv = new CsvExport(writer, options);
            try {
                csv.writeAll(backend, request);
                writer.flush();
            } catch (RuntimeException | IOException e) {
                if (!ctx.res().isCommitted()) {
                    throw e; // nothing sent yet: the client gets the JSON error
                }
                abortExport(ctx, csv.rows(), e);
            }
        }
    }

    /**
     * An export that fails after its first bytes were sent cannot change its 200: the connection is cut before the
     * CSV's end, so that the client sees a failed download (a truncated body), never a complete-looking file. One
     * line in the log, whoever failed.
     */
    private static void abortExport(Context ctx, long rows, Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        boolean clientLeft = root instanceof IOException && !(e instanceof DamagedIndexException);
        if (clientLeft) {
            LOG.info("export {} stopped after {} rows: the client closed the connection ({})", ctx.queryString(),
                    rows, root.toString());
        } else {
            LOG.warn("export {} failed after {} rows, connection aborted: {}", ctx.queryString(), rows,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
        // Closing the connection, not aborting the response: Javalin still finishes its own bookkeeping on the
        // response afterwards, which an aborted response refuses with an exception of its own.
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                .getEndPoint().close(e);
    }

    private void knownHostAndMethod(Context ctx) {
        if (!hosts.allows(ctx.header("Host"))) {
            throw new HostNotAllowed("this server does not answer to the host name in the request ('"
                    + ctx.header("Host") + "'); if you reach it under that name, start it with --allow-host NAME");
        }
        String method = ctx.req().getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new MethodNotAllowed(method + " is not supported; every resource of this server answers GET "
                    + "(and HEAD) only");
        }
    }

    /** The search's newest matches as Atom (the search's own parameters; sort and page do not apply). */
    private void feed(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        SearchRequest request = parameters.export(params);
        String base = ctx.scheme() + "://" + ctx.host();
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        try (RequestGate.Slot slot = searches.enter()) {
            ctx.contentType(AtomFeed.CONTENT_TYPE);
            ctx.result(AtomFeed.write(base, query, request.query() == null ? "" : request.query(),
                    backend.newest(request, FEED_ENTRIES)));
        }
    }

    /** Entries of a feed: a reader polls it, so the newest few are enough. */
    private static final int FEED_ENTRIES = 50;

    /** A download named {@code name}: an ASCII fallback for old clients, the UTF-8 name for the rest (RFC 6266). */
    private static String attachment(String name) {
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String notFoundPage() {
        try (InputStream in = ApiServer.class.getResourceAsStream("/web/404.html")) {
            return in == null ? "找不到这个页面" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "找不到这个页面";
        }
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

    static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed(String message) {
            super(message);
        }
    }

    static final class HostNotAllowed extends RuntimeException {
        HostNotAllowed(String message) {
            super(message);
        }
    }

    static final class TooManyRequests extends RuntimeException {
        TooManyRequests(String message) {
            super(message);
        }
    }
}
