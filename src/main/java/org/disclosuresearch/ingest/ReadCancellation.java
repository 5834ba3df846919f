package org.disclosuresearch.ingest;

import java.util.concurrent.CancellationException;

/**
 * Makes a reader's time limit final. The {@link Ingestor} interrupts a reader that ran out of time; library code
 * mostly ignores interruption, so the project's own loops over a document (which are where a hostile file makes a
 * reader spin) ask here and stop, instead of running on as a thread nobody waits for.
 */
final class ReadCancellation {
    private ReadCancellation() {
    }

    /** @throws CancellationException when the reading thread was interrupted (its time is up) */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("reading was cancelled: its time limit passed");
        }
    }
}
