package org.disclosuresearch.search;

import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.time.Instant;
import java.util.List;
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

    /**
     * The full stored report (with normalized text), or empty for an unknown id.
     *
     * @throws DamagedIndexException when the index holds the report but cannot read it back
     */
    Optional<Report> report(String id);

    /**
     * A window of the report's normalized text as HTML: escaped, with {@code <mark>} around every match of
     * {@code query} (null: none) as the engine matched it (the same marks as the snippets), and the number of marks in
     * the whole text ({@link TextWindow#matches()}: the report view's 命中 N 处); empty for an unknown id.
     *
     * @param match  how unquoted text matches (exact strings, or words)
     * @param offset the first character of the window (past the end: an empty window at the end)
     * @param length the most characters in the window
     * @throws org.disclosuresearch.query.QueryException for a query that cannot be searched
     */
    Optional<TextWindow> highlightedText(String id, String query, MatchMode match, int offset, int length);

    /** Every report matching the query and filters (no page cap), in the request's sort order. */
    void export(SearchRequest request, Consumer<Report> sink);

    /**
     * The newest matching reports by the time they were indexed, newest first (ties by id), at most {@code limit}:
     * what a feed of the search shows.
     */
    List<IndexedReport> newest(SearchRequest request, int limit);

    /** A report (without its text) and when it was indexed. */
    record IndexedReport(Report report, Instant indexedAt) {
    }

    /**
     * The reports (without texts) indexed with any of {@code keys} among their keys of the linker {@code linker}
     * ({@code agency}: agency keys and the keys of former agencies they name), at most {@code limit}, in id order.
     * Empty when the backend keeps no link keys.
     */
    default List<Report> linkedReports(String linker, java.util.Collection<String> keys, int limit) {
        return List.of();
    }

    /** Number of reports in the index. */
    long size();
}
