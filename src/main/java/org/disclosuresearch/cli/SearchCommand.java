package org.disclosuresearch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryException;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.search.FacetSelection;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.backend.BackendOptions;
import org.disclosuresearch.backend.Backends;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.RangeFilter;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.disclosuresearch.search.SortSpec;
import org.disclosuresearch.search.StatsRequest;
import org.disclosuresearch.search.UnknownFigureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
        description = "Search the index: exact strings (AND), \"exact phrases\", OR, -exclusion, agency:/text:/id: "
                + "prefixes, FIGURE:MIN..MAX ranges.")
public final class SearchCommand implements Callable<Integer> {

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
            description = "index folder (default: ${DEFAULT-VALUE})")
    Path index;

    @Option(names = "--json", description = "print one JSON object {total, hits, facets, stats}")
    boolean json;

    @Option(names = "--facet", paramLabel = "DIM=VALUE",
            description = "select a facet value (repeatable; DIM: agencyType, province, city, county, year, "
                    + "template, checks, format)")
    List<String> facets = new ArrayList<>();

    @Option(names = "--range", paramLabel = "ID=MIN..MAX",
            description = "numeric filter on a figure id or year: MIN..MAX, MIN.. or ..MAX (repeatable)")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "FIELD[:asc|desc]", description = "relevance (default), year or a figure id")
    String sort;

    @Mixin
    BackendOption backendOption = new BackendOption();

    @Option(names = "--match", paramLabel = "exact|words", defaultValue = "exact",
            description = "exact (default): an unquoted run matches as one exact string; words (按词匹配): its "
                    + "smartcn words in any order")
    String match;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "hits to show (default: 10)")
    int limit;

    @Option(names = "--stats", paramLabel = "ID[,BY_DIM]",
            description = "count, sum, min, max, mean of a figure over all matches, optionally per facet value")
    List<String> stats = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "the query (several words are joined)")
    List<String> query = new ArrayList<>();

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
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
            SearchRequest request = new SearchRequest(String.join(" ", query), FacetSelection.parse(facets),
                    ranges.stream().map(RangeFilter::parse).toList(), SortSpec.parse(sort), limit, null,
                    stats.stream().map(StatsRequest::parse).toList(), matchMode());
            SearchResult result = backend.search(request);
            if (json) {
                out.println(Json.mapper().writeValueAsString(toJson(result)));
            } else {
                printTable(result, out);
            }
            return 0;
        } catch (QueryException e) {
            err.println("search: invalid QUERY: " + e.getMessage());
            return 2;
        } catch (InvalidRequestException e) {
            err.println("search: invalid " + optionOf(e.parameter()) + ": " + e.getMessage()
                    + (e instanceof UnknownFigureException ? "; the fields command lists every figure id" : ""));
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("search: cannot read " + options.location() + ": " + e.getMessage());
            return 2;
        }
    }

    private MatchMode matchMode() {
        try {
            return MatchMode.parse(match);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("match", e.getMessage());
        }
    }

    /** The request parameter an error names, as this command's option. */
    private static String optionOf(String parameter) {
        return switch (parameter) {
            case "q" -> "QUERY";
            case "size" -> "--limit";
            case "facet", "range", "sort", "stats", "match" -> "--" + parameter;
            default -> parameter;
        };
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
            o.put("matchCount", h.matchCount());
        }
        root.set("facets", Json.mapper().valueToTree(result.facets()));
        if (!result.stats().isEmpty()) {
            root.set("stats", Json.mapper().valueToTree(result.stats()));
        }
        if (result.nextCursor() != null) {
            root.put("nextCursor", result.nextCursor());
        }
        if (result.wordMatchTotal() != null) {
            root.put("wordMatchTotal", result.wordMatchTotal());
        }
        return root;
    }

    private static void printTable(SearchResult result, PrintStream out) {
        out.printf(Locale.ROOT, "%d report%s%n", result.total(), result.total() == 1 ? "" : "s");
        if (result.wordMatchTotal() != null && result.wordMatchTotal() > 0) {
            out.printf(Locale.ROOT, "按词匹配 (--match words) would find %d%n", result.wordMatchTotal());
        }
        if (!result.hits().isEmpty()) {
            out.printf(Locale.ROOT, "%-28s %-4s %s %s %6s %5s  %s%n", "id", "year", pad("region", 24),
                    pad("type", 10), "score", "marks", "agency");
        }
        for (SearchResult.Hit h : result.hits()) {
            out.printf(Locale.ROOT, "%-28s %-4s %s %s %6.2f %5d  %s%n", h.id(), h.year() == null ? "-" : h.year(),
                    pad(region(h.region()), 24), pad(h.agencyType() == null ? "-" : h.agencyType(), 10), h.score(),
                    h.matchCount(), h.agency());
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
