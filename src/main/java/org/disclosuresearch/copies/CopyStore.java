package org.disclosuresearch.copies;

import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.io.IOException;

/**
 * A sink's committed state as copy detection reads it: the term lookups of {@link SentenceLookup} and the stored
 * reports to recompute. Opened after a commit, closed when the recomputation is done.
 */
public interface CopyStore extends SentenceLookup, Closeable {

    /** A stored report with its normalized text, and the source hash it was stored with (null when none). */
    record Stored(Report report, String sha256) {
    }

    /** The stored report, or null when the id is not indexed. */
    Stored stored(String id) throws IOException;
}
