package org.disclosuresearch.ingest;

import java.time.Duration;

/** Bounds for reading untrusted files: one pathological file must not hang or exhaust the indexer. */
public record IngestLimits(long maxFileBytes, Duration maxReadTime) {
    public static final IngestLimits DEFAULT = new IngestLimits(50L * 1024 * 1024, Duration.ofSeconds(60));
}
