package org.disclosuresearch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.FigureLabels;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.Backends;
import org.disclosuresearch.query.QueryException;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.disclosuresearch.search.SortSpec;
import org.disclosuresearch.search.UnknownFigureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code search [options] QUERY}: the same request the API builds, printed as a table or one JSON object. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index: words (AND), \"exact phrases\", OR, -exclusion, agency:prefix.")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    RequestOptions request;

    @Option(names = "--json", description = "print one JSON object {total, hits, facets, stats}")
    boolean json;

    @Mixin
    BackendOption backendOption = new BackendOption();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "hits to show (default: 10)")
    int limit;

    @Option(names = "--stats", paramLabel = "ID[,BY_DIM]",
            description = "count, sum, min, max, mean of a figure over all matches, optionally per facet value")
    List<String> stats = new ArrayList<>();

    @Option(names = "--columns", paramLabel = "ID[,ID...]", split = ",",
            description = "figures to show as columns of the table (the sort value has its own column)")
    List<String> columns = new ArrayList<>();

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Path index = request.index;
        BackendOptions options;
        try {
            options = backendOption.options(index);
            Backends.provider(options);
        } catch (IllegalArgumentException e) {
            err.println("search: " + e.getMessage());
            return 2;
        }
        if (BackendOptions.EMBEDDED.equals(options.kind()) && !Files.isDirectory(index)) {
            err.println("search: no index at " + index + " (run: index --docs DIR --index " + index + ")");
            return 2;
        }
        try (SearchBackend backend = Backends.openSearch(options)) {
            SearchRequest searchRequest = request.request(limit, stats);
            List<Figure> shown = shownFigures();
            SearchResult result = backend.search(searchRequest);
            if (json) {
                out.println(Json.mapper().writeValueAsString(toJson(result)));
            } else {
                printTable(result, searchRequest.sort(), shown, out);
            }
            return 0;
        } catch (QueryException e) {
            err.println("search: invalid QUERY: " + e.getMessage());
            return 2;
        } catch (InvalidRequestException e) {
            err.println("search: invalid " + RequestOptions.optionOf(e.parameter()) + ": " + e.getMessage()
                    + (e instanceof UnknownFigureException ? "; the fields command lists every figure id" : ""));
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("search: cannot read " + options.location() + ": " + e.getMessage());
            return 2;
        }
    }

    /** The --columns figures (the sort figure has its own column, the sort value). */
    private List<Figure> shownFigures() {
        List<String> ids = new ArrayList<>();
        for (String id : columns) {
            if (!id.isBlank() && !ids.contains(id.strip())) {
                ids.add(id.strip());
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (String id : ids) {
            figures.add(FigureCatalog.get().find(id).orElseThrow(() -> new UnknownFigureException("columns", id)));
        }
        return figures;
    }

    private static ObjectNode toJson(SearchResult result) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("total", result.total());
        ArrayNode hits = root.putArray("hits");
        for (SearchResult.Hit h : result.hits()) {
            ObjectNode o = hits.addObject();
            o.put("id", h.id());
            o.put("agency", h.agency());
            if (h.year() == null) {
                o.putNull("year");
            } else {
                o.put("year", h.year());
            }
            ObjectNode region = o.putObject("region");
            region.put("province", h.region().province());
            region.put("city", h.region().city());
            region.put("county", h.region().county());
            o.put("agencyType", h.agencyType());
            o.put("score", h.score());
            ArrayNode snippets = o.putArray("snippets");
            h.snippets().forEach(snippets::add);
        }
        root.set("facets", Json.mapper().valueToTree(result.facets()));
        if (!result.stats().isEmpty()) {
            root.set("stats", Json.mapper().valueToTree(result.stats()));
        }
        if (result.nextCursor() != null) {
            root.put("nextCursor", result.nextCursor());
        }
        return root;
    }

    /**
     * One line per hit: id, year, region, type, the sort value (the score, or the year or figure sorted by, so that
     * the order can be checked), the chosen figures right-aligned under their Chinese names, then the agency.
     */
    private static void printTable(SearchResult result, SortSpec sort, List<Figure> figures, PrintStream out) {
        out.printf(Locale.ROOT, "%d report%s, sorted by %s%n", result.total(), result.total() == 1 ? "" : "s", sort);
        List<String> heads = figures.stream().map(FigureLabels::brief).toList();
        int[] widths = new int[figures.size()];
        for (int c = 0; c < figures.size(); c++) {
            widths[c] = width(heads.get(c));
            for (SearchResult.Hit h : result.hits()) {
                widths[c] = Math.max(widths[c], width(figureValue(h, figures.get(c))));
            }
        }
        String sortHead = sort.isRelevance() ? "score" : sort.field().equals(SortSpec.YEAR) ? "year"
                : FigureLabels.brief(FigureCatalog.get().require(sort.field()));
        int sortWidth = Math.max(6, width(sortHead));
        for (SearchResult.Hit h : result.hits()) {
            sortWidth = Math.max(sortWidth, width(sortValue(h, sort)));
        }
        if (!result.hits().isEmpty()) {
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-28s %-4s %s %s %s", "id", "year",
                    pad("region", 24), pad("type", 10), padLeft(sortHead, sortWidth)));
            for (int c = 0; c < figures.size(); c++) {
                head.append("  ").append(padLeft(heads.get(c), widths[c]));
            }
            out.println(head.append("  agency"));
        }
        for (SearchResult.Hit h : result.hits()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s %-4s %s %s %s", h.id(),
                    h.year() == null ? "-" : h.year(), pad(region(h.region()), 24),
                    pad(h.agencyType() == null ? "-" : h.agencyType(), 10), padLeft(sortValue(h, sort), sortWidth)));
            for (int c = 0; c < figures.size(); c++) {
                line.append("  ").append(padLeft(figureValue(h, figures.get(c)), widths[c]));
            }
            out.println(line.append("  ").append(h.agency()));
            for (String s : h.snippets()) {
                out.println("    " + plain(s));
            }
        }
        for (Map.Entry<String, List<SearchResult.FacetValue>> f : result.facets().entrySet()) {
            if (f.getValue().isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(f.getKey()).append(':');
            for (SearchResult.FacetValue v : f.getValue()) {
                line.append(' ').append(v.value()).append(" (").append(v.count()).append(')');
            }
            out.println(line);
        }
        for (SearchResult.Stats s : result.stats()) {
            out.println("stats " + s.field() + ": " + summary(s.overall()));
            for (SearchResult.Bucket b : s.buckets()) {
                out.println("    " + s.by() + "=" + b.value() + ": " + summary(b.summary()));
            }
        }
    }

    /** What the hits are ordered by: the score, the year or the figure ("-" when the report does not print it). */
    private static String sortValue(SearchResult.Hit h, SortSpec sort) {
        if (sort.isRelevance()) {
            return String.format(Locale.ROOT, "%.2f", h.score());
        }
        if (sort.field().equals(SortSpec.YEAR)) {
            return h.year() == null ? "-" : h.year().toString();
        }
        return number(h.figure(sort.field()));
    }

    private static String figureValue(SearchResult.Hit h, Figure f) {
        return number(h.figure(f.id()));
    }

    private static String number(Number n) {
        return n == null ? "-" : n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    }

    /** Right-aligns to {@code columns} terminal columns (numbers line up on their last digit). */
    static String padLeft(String text, int columns) {
        int width = width(text);
        return width >= columns ? text : " ".repeat(columns - width) + text;
    }

    private static String summary(SearchResult.Summary s) {
        return String.format(Locale.ROOT, "count %d, sum %s, min %s, max %s, mean %s", s.count(), num(s.sum()),
                num(s.min()), num(s.max()), num(s.mean()));
    }

    private static String num(Double d) {
        if (d == null) {
            return "-";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String region(Region r) {
        StringBuilder sb = new StringBuilder();
        for (String level : new String[]{r.province(), r.city(), r.county()}) {
            if (level != null) {
                sb.append(sb.length() == 0 ? "" : "/").append(level);
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    /** Pads to {@code columns} terminal columns: printf's %-Ns counts a Chinese character as one, a terminal as two. */
    static String pad(String text, int columns) {
        int width = width(text);
        return width >= columns ? text : text + " ".repeat(columns - width);
    }

    /** Terminal columns the text takes: two for a Chinese character. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp < 0xFF61;
    }

    /** A terminal shows the match in brackets; the snippet's HTML escapes are undone. */
    private static String plain(String html) {
        return html.replace("<mark>", "[").replace("</mark>", "]").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
