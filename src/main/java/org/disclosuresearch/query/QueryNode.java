package org.disclosuresearch.query;

import java.util.List;

/**
 * The project's own query tree: the one interpretation of a query. Each backend translates it into its engine's
 * query, and the marks in snippets and in the report view are found from it ({@link Marks}), so a search and its
 * highlighting cannot disagree.
 */
public sealed interface QueryNode {

    /** The fields a text leaf can search. */
    enum TextField { TEXT, AGENCY }

    /**
     * Text to find in a field.
     *
     * @param text  the normalized text (see {@code Normalizer}); never empty
     * @param exact true: the text must occur as one exact string; false: every word of {@code words} must occur
     *              (in any order), or the text verbatim
     * @param words smartcn's words of the text, in order: what ranks the hits (and what {@code exact == false}
     *              requires)
     */
    record Text(TextField field, String text, boolean exact, List<String> words) implements QueryNode {
        public Text {
            words = List.copyOf(words);
        }
    }

    /** A report id. */
    record Id(String id) implements QueryNode {
    }

    /** A figure id (or {@code year}) between two inclusive bounds; a null bound is open. */
    record FigureRange(String figure, Double min, Double max) implements QueryNode {
    }

    /** Every child must match; {@link Not} children exclude. */
    record All(List<QueryNode> children) implements QueryNode {
        public All {
            children = List.copyOf(children);
        }
    }

    /** At least one child must match. */
    record Any(List<QueryNode> children) implements QueryNode {
        public Any {
            children = List.copyOf(children);
        }
    }

    /** Reports that do not match the child. */
    record Not(QueryNode child) implements QueryNode {
    }

    /** The blank query: every report. */
    record Everything() implements QueryNode {
    }
}
