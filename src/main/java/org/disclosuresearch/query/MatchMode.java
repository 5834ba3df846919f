package org.disclosuresearch.query;

import java.util.Locale;

/**
 * How an unquoted run of characters matches. Quoted phrases are exact in both modes.
 * <ul>
 *   <li>{@link #EXACT} (the default): the run as one exact string, like a quoted phrase — a journalist typing
 *       依申请公开 wants that phrase, not every report with 公开 in it; smartcn words still rank the hits.</li>
 *   <li>{@link #WORDS} (按词匹配): every smartcn word of the run, in any order (or the run verbatim).</li>
 * </ul>
 */
public enum MatchMode {
    EXACT("exact"), WORDS("words");

    private final String id;

    MatchMode(String id) {
        this.id = id;
    }

    /** The name the API ({@code match=}) and the CLI ({@code --match}) use. */
    public String id() {
        return id;
    }

    /** Parses {@code exact} or {@code words}; null or blank is {@link #EXACT}. */
    public static MatchMode parse(String value) {
        if (value == null || value.isBlank()) {
            return EXACT;
        }
        for (MatchMode m : values()) {
            if (m.id.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("match 只能是 exact（精确匹配）或 words（按词匹配），收到的是“" + value + "”");
    }
}
