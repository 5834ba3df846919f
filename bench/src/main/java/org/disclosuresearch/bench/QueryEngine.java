package org.disclosuresearch.bench;

/** An engine the benchmark times: disclosure-search or the SQLite peer. */
interface QueryEngine {

    String name();

    /**
     * Does the untimed work a real client would already have done (for a deep page: fetching the cursor of the page
     * before), and returns the query ready to time.
     */
    Prepared prepare(BenchQuery query);

    @FunctionalInterface
    interface Prepared {
        /** Runs the query and returns its total number of matches. */
        long run();
    }
}
