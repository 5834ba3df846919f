package org.disclosuresearch.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What an index run did.
 *
 * @param indexed   reports added or replaced
 * @param unchanged files skipped because their content hash matched the indexed one
 * @param deleted   reports removed because their file is gone from the corpus
 * @param failed    files that could not be indexed, with the reason; the run went on past them
 * @param millis    wall-clock duration of the run
 * @param relinked  reports stored again after the run because a value depending on other reports changed (previous
 *                  year, growth, carry checks …)
 */
public record IndexSummary(long indexed, long unchanged, long deleted, List<Failure> failed, long millis,
                           long relinked) {

    public IndexSummary {
        failed = List.copyOf(failed);
    }

    public IndexSummary(long indexed, long unchanged, long deleted, List<Failure> failed, long millis) {
        this(indexed, unchanged, deleted, failed, millis, 0);
    }

    /**
     * One file that could not be indexed.
     *
     * @param file   the file
     * @param kind   a {@link org.disclosuresearch.ingest.DocumentProblem.Kind} name, or {@code DUPLICATE_ID} /
     *               {@code PARSER_ERROR}
     * @param reason what is wrong, naming the file
     */
    public record Failure(Path file, String kind, String reason) {
    }

    public double reportsPerSecond() {
        long handled = indexed + unchanged + failed.size();
        return millis <= 0 ? handled : handled * 1000.0 / millis;
    }
}
