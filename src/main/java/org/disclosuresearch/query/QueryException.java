package org.disclosuresearch.query;

/**
 * A query that cannot be searched as written, with a plain Chinese message saying what to change and a stable code
 * the page can act on. Always about the query parameter ({@code q} in the API, QUERY in the CLI).
 */
public final class QueryException extends IllegalArgumentException {

    /** What is wrong, as the API reports it in {@code code}. */
    public enum Code {
        QUERY_TOO_LONG("query_too_long"),
        UNBALANCED_QUOTE("unbalanced_quote"),
        UNSUPPORTED_SYNTAX("unsupported_syntax"),
        UNKNOWN_FIGURE("unknown_figure");

        private final String id;

        Code(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final String PARAMETER = "q";

    private final Code code;

    public QueryException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public String parameter() {
        return PARAMETER;
    }
}
