package org.disclosuresearch.search;

import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the API, the CLI and the tests search through. Embedded Lucene today; a distributed backend that runs the
 * same analysis could answer the same requests tomorrow.
 */
public interface SearchBackend extends Closeable {

    /** @throws InvalidRequestException for an unknown figure id, malformed range, query syntax error … */
    SearchResult search(SearchRequest request);

    /** The full stored report (with normalized text), or empty for an unknown id. */
    Optional<Report> report(String id);

    /**
     * The report's whole normalized text as HTML: escaped, with {@code <mark>} around every match of {@code query}
     * as the engine matched it (the same marks as the snippets); empty for an unknown id.
     *
     * @throws InvalidRequestException for a query syntax error
     */
    Optional<String> highlightedText(String id, String query);

    /** Every report matching the query and filters (no page cap), in the request's sort order. */
    void export(SearchRequest request, Consumer<Report> sink);

    /** Number of reports in the index. */
    long size();
}
