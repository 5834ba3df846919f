package org.disclosuresearch.search;

import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the API, the CLI and the tests search through. Embedded Lucene today; a distributed backend that runs the
 * same analysis could answer the same requests tomorrow.
 */
public interface SearchBackend extends Closeable {

    /**
     * @throws InvalidRequestException for an unknown figure id, malformed range …
     * @throws org.disclosuresearch.query.QueryException for a query that cannot be searched (in plain Chinese)
     */
    SearchResult search(SearchRequest request);

    /** The full stored report (with normalized text), or empty for an unknown id. */
    Optional<Report> report(String id);

    /**
     * The report's whole normalized text as HTML: escaped, with {@code <mark>} around every match of {@code query}
     * as the engine matched it (the same marks as the snippets), and the number of marks; empty for an unknown id.
     *
     * @throws org.disclosuresearch.query.QueryException for a query that cannot be searched
     */
    Optional<HighlightedText> highlightedText(String id, String query, MatchMode match);

    /** A report's whole text as escaped HTML with its marks, and how many marks it holds. */
    record HighlightedText(String html, int matchCount) {
    }

    /** Every report matching the query and filters (no page cap), in the request's sort order. */
    void export(SearchRequest request, Consumer<Report> sink);

    /** Number of reports in the index. */
    long size();
}
