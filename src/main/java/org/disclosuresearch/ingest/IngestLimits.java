package org.disclosuresearch.ingest;

import java.time.Duration;

/**
 * Bounds for reading untrusted files: one pathological file must not hang or exhaust the indexer.
 *
 * @param maxTextChars the most text (characters, tables included) a file may hold and still be indexed as a report.
 *                     The longest real annual reports hold some 100,000 characters; a file with many times that is
 *                     a log, a dump or an attack, and every later view of it (highlighting, the report page) would
 *                     cost in proportion.
 */
public record IngestLimits(long maxFileBytes, Duration maxReadTime, int maxTextChars) {
    public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;
    public static final IngestLimits DEFAULT = new IngestLimits(50L * 1024 * 1024, Duration.ofSeconds(60),
            DEFAULT_MAX_TEXT_CHARS);

    public IngestLimits(long maxFileBytes, Duration maxReadTime) {
        this(maxFileBytes, maxReadTime, DEFAULT_MAX_TEXT_CHARS);
    }
}
