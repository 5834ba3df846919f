package org.disclosuresearch.pipeline;

/** Periodic progress of an index run, called from one thread at a time. */
@FunctionalInterface
public interface IndexProgress {
    IndexProgress NONE = (done, total, reportsPerSecond) -> {
    };

    /**
     * @param done             files handled so far (indexed, unchanged or failed)
     * @param total            files found in the corpus
     * @param reportsPerSecond files handled per second since the run started
     */
    void update(long done, long total, double reportsPerSecond);
}
