package org.disclosuresearch.cli;

import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.search.FacetSelection;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.search.RangeFilter;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SortSpec;
import org.disclosuresearch.search.StatsRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code search} and {@code export} both take: the index, the query, its filters and the sort. */
final class RequestOptions {

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
            description = "index folder (default: ${DEFAULT-VALUE})")
    Path index;

    @Option(names = "--facet", paramLabel = "DIM=VALUE",
            description = "select a facet value (repeatable; DIM: agencyType, province, city, county, year, "
                    + "template, checks, format)")
    List<String> facets = new ArrayList<>();

    @Option(names = "--range", paramLabel = "ID=MIN..MAX",
            description = "numeric filter on a figure id or year: MIN..MAX, MIN.. or ..MAX (repeatable)")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "FIELD[:asc|desc]", description = "relevance (default), year or a figure id")
    String sort;

    @Option(names = "--match", paramLabel = "exact|words", defaultValue = "exact",
            description = "exact (default): an unquoted run matches as one exact string; words (按词匹配): its "
                    + "smartcn words in any order")
    String match;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "the query (several words are joined)")
    List<String> query = new ArrayList<>();

    /** @throws org.disclosuresearch.search.InvalidRequestException for a bad facet, range, sort or match */
    SearchRequest request(int size, List<String> stats) {
        return new SearchRequest(String.join(" ", query), FacetSelection.parse(facets),
                ranges.stream().map(RangeFilter::parse).toList(), SortSpec.parse(sort), size, null,
                stats.stream().map(StatsRequest::parse).toList(), matchMode());
    }

    private MatchMode matchMode() {
        try {
            return MatchMode.parse(match);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("match", e.getMessage());
        }
    }

    /** The request parameter an error names, as this command's option. */
    static String optionOf(String parameter) {
        return switch (parameter) {
            case "q" -> "QUERY";
            case "size" -> "--limit";
            case "facet", "range", "sort", "stats", "columns", "match" -> "--" + parameter;
            default -> parameter;
        };
    }
}
