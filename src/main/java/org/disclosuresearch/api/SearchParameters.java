package org.disclosuresearch.api;

import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.query.QueryLanguage;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.search.FacetSelection;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.search.RangeFilter;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SortSpec;
import org.disclosuresearch.search.StatsRequest;
import org.disclosuresearch.search.UnknownFigureException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns HTTP query parameters into a {@link SearchRequest}, rejecting what the backend should never see: over-long
 * queries, oversized pages, unknown figure ids and dimensions. Every rejection names its parameter.
 */
public final class SearchParameters {

    private final Limits limits;

    public SearchParameters(Limits limits) {
        this.limits = limits;
    }

    /** Limits on what a single request may ask for. */
    public record Limits(int maxQueryLength, int defaultSize, int maxSize, int maxValuesPerParameter) {
        public static final Limits DEFAULT = new Limits(500, 20, 100, 50);
    }

    /** A search page request: the query, filters, sort and the page. */
    public SearchRequest search(Map<String, List<String>> params) {
        return build(params, pageSize(params));
    }

    /** An export request: the same query and filters as {@link #search} without a page (export has no cap). */
    public SearchRequest export(Map<String, List<String>> params) {
        return build(params, limits.maxSize());
    }

    /** The figure columns an export should carry: {@code columns=} ids (repeated or comma-separated), or all. */
    public List<String> columns(Map<String, List<String>> params) {
        List<String> ids = new ArrayList<>();
        for (String value : values(params, "columns")) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(requireFigure("columns", id.strip()));
                }
            }
        }
        return ids.isEmpty() ? List.copyOf(FigureCatalog.get().ids()) : List.copyOf(ids);
    }

    /** The figures an agency view gives as series: {@code figures=} ids (repeated or comma-separated), or none. */
    public List<String> agencyFigures(Map<String, List<String>> params) {
        for (String name : params.keySet()) {
            if (!name.equals("figures")) {
                throw new InvalidRequestException(name, "unknown parameter '" + name + "'; known is [figures]");
            }
        }
        List<String> ids = new ArrayList<>();
        for (String value : values(params, "figures")) {
            for (String id : value.split(",")) {
                if (!id.isBlank() && !ids.contains(id.strip())) {
                    ids.add(requireFigure("figures", id.strip()));
                }
            }
        }
        if (ids.size() > MAX_SERIES) {
            throw new InvalidRequestException("figures", "at most " + MAX_SERIES + " figures, got " + ids.size());
        }
        return List.copyOf(ids);
    }

    /** Series an agency view gives at most. */
    static final int MAX_SERIES = 20;

    /** How an export writes its CSV: {@code columns=}, {@code header=ids} (machine ids), {@code evidence=1}. */
    public CsvExport.Options csvOptions(Map<String, List<String>> params) {
        String header = single(params, "header");
        if (header != null && !header.isBlank() && !header.strip().equals("ids") && !header.strip().equals("zh")) {
            throw new InvalidRequestException("header", "header must be 'ids' (machine ids) or 'zh' (Chinese, the "
                    + "default), got '" + header + "'");
        }
        return new CsvExport.Options(columns(params), header != null && header.strip().equals("ids"),
                flag(params, "evidence"));
    }

    private static boolean flag(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new InvalidRequestException(name, name + " must be 1 or 0, got '" + value + "'");
        };
    }

    /** Parameters besides the facet dimensions; anything else is a typo that must not be silently ignored. */
    private static final List<String> KNOWN = List.of("q", "match", "range", "sort", "size", "cursor", "stats",
            "columns", "header", "evidence");

    private SearchRequest build(Map<String, List<String>> params, int size) {
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name) && !FacetSelection.DIMENSIONS.contains(name)) {
                throw new InvalidRequestException(name, "unknown parameter '" + name + "'; known are " + KNOWN
                        + " and the facet dimensions " + FacetSelection.DIMENSIONS);
            }
        }
        String query = query(params);
        Map<String, List<String>> facets = new LinkedHashMap<>();
        for (String dim : FacetSelection.DIMENSIONS) {
            List<String> selected = values(params, dim).stream().filter(v -> !v.isBlank()).toList();
            if (!selected.isEmpty()) {
                facets.put(dim, selected);
            }
        }
        List<RangeFilter> ranges = new ArrayList<>();
        for (String range : values(params, "range")) {
            ranges.add(RangeFilter.parse(range));
        }
        List<StatsRequest> stats = new ArrayList<>();
        for (String s : values(params, "stats")) {
            stats.add(StatsRequest.parse(s));
        }
        return new SearchRequest(query, facets, ranges, SortSpec.parse(single(params, "sort")), size,
                blankToNull(single(params, "cursor")), stats, match(params));
    }

    /** {@code match=exact} (the default) or {@code match=words}. */
    public MatchMode match(Map<String, List<String>> params) {
        try {
            return MatchMode.parse(single(params, "match"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("match", e.getMessage());
        }
    }

    /** A report view: the query whose matches are marked (or null), how it matches, the window of its text. */
    public record ReportView(String query, MatchMode match, int offset, int length) {
    }

    /**
     * The report view's parameters: {@code q} (marks its matches), {@code match}, {@code offset} and {@code length}
     * (the window of the text answered, at most {@link #MAX_TEXT_WINDOW} characters, so no answer grows with the
     * report).
     */
    public ReportView reportView(Map<String, List<String>> params) {
        for (String name : params.keySet()) {
            if (!List.of("q", "match", "offset", "length").contains(name)) {
                throw new InvalidRequestException(name, "unknown parameter '" + name + "'; a report takes q "
                        + "(the query whose matches are marked in its text), match, offset and length (the window of "
                        + "its text, in characters)");
            }
        }
        String query = query(params);
        int offset = wholeNumber(params, "offset", 0, 0, Integer.MAX_VALUE, "");
        int length = wholeNumber(params, "length", MAX_TEXT_WINDOW, 1, MAX_TEXT_WINDOW,
                " (ask for the next window with offset)");
        return new ReportView(query == null || query.isBlank() ? null : query, match(params), offset, length);
    }

    /** The most text one report view answers; real reports (up to some 100,000 characters) fit whole. */
    public static final int MAX_TEXT_WINDOW = 200_000;

    private String query(Map<String, List<String>> params) {
        String query = single(params, "q");
        QueryLanguage.requireLength(query, limits.maxQueryLength());
        return query;
    }

    private int pageSize(Map<String, List<String>> params) {
        return wholeNumber(params, "size", limits.defaultSize(), 1, limits.maxSize(),
                " (use the cursor for more, or /api/export.csv for everything)");
    }

    private static int wholeNumber(Map<String, List<String>> params, String name, int fallback, int min, int max,
                                   String hint) {
        String raw = single(params, name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            if (!raw.strip().matches("[+-]?\\d+")) {
                throw new InvalidRequestException(name, name + " must be a whole number, got '" + raw + "'");
            }
            value = raw.strip().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE; // too many digits for an int
        }
        if (value < min || value > max) {
            throw new InvalidRequestException(name, name + " must be between " + min + " and " + max
                    + ", got " + raw.strip() + hint);
        }
        return value;
    }

    private static String requireFigure(String parameter, String id) {
        if (!FigureCatalog.get().contains(id)) {
            throw new UnknownFigureException(parameter, id);
        }
        return id;
    }

    private List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > limits.maxValuesPerParameter()) {
            throw new InvalidRequestException(name, "at most " + limits.maxValuesPerParameter() + " values of '"
                    + name + "' per request, got " + values.size());
        }
        return values;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new InvalidRequestException(name, "'" + name + "' given " + values.size() + " times; give it once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
