package org.disclosuresearch.pipeline;

import org.disclosuresearch.copies.CopyStore;
import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * Where the write path delivers parsed reports: the embedded index, or a distributed engine. The
 * {@link CorpusPipeline} decides what changed (content hashes), parses and deletes; a sink only stores.
 */
public interface ReportSink extends Closeable {

    /** The id and source hash ("" when unknown) of every report the sink holds, for change detection. */
    Map<String, String> storedHashes() throws IOException;

    /**
     * The id and source stamp of every report the sink holds. A sink that keeps only hashes answers with unknown
     * sizes and times (every file is then hashed).
     */
    default Map<String, SourceStamp> storedSources() throws IOException {
        Map<String, SourceStamp> out = new java.util.HashMap<>();
        storedHashes().forEach((id, hash) -> out.put(id, SourceStamp.hashOnly(hash)));
        return out;
    }

    /**
     * Whether the sink holds reports stored in an older layout (fields, analysis): then every file is sent again,
     * changed or not, and {@link #commit(boolean) commit(true)} at the end of a complete run marks it current.
     */
    boolean outdated() throws IOException;

    /**
     * Adds or replaces the report with this id. Called from several threads at once.
     *
     * @param sha256 the source file's content hash, or null
     * @throws IllegalArgumentException for a report the sink cannot store (no id …): a failure of that report only
     */
    void upsert(Report report, String sha256) throws IOException;

    /** Adds or replaces the report with this id, keeping its source's stamp (by default only the hash). */
    default void upsertStamped(Report report, SourceStamp source) throws IOException {
        upsert(report, source == null ? null : source.sha256());
    }

    /**
     * Records a new stamp of an unchanged report's source (same content, other time): the next run then need not hash
     * it. By default nothing (a sink that keeps only hashes).
     */
    default void restamp(String id, SourceStamp source) throws IOException {
    }

    /** Removes the report with this id (visible after the next commit). */
    void delete(String id) throws IOException;

    /**
     * Makes everything sent so far durable and visible.
     *
     * @param runComplete true at the end of a run that sent every report: an {@link #outdated()} sink is current now
     */
    void commit(boolean runComplete) throws IOException;

    /**
     * Makes what was sent visible to the views opened next ({@link #linkedReports()}, {@link #copyStore()}), between
     * the post-commit stages: by default a commit; a sink whose views read what was sent uncommitted does nothing.
     */
    default void showSent() throws IOException {
        commit(false);
    }

    /**
     * The reports sent so far (committed or not) as copy detection reads them, or null when this sink cannot answer
     * term lookups: then reports keep no copy shares. The caller closes it.
     */
    default CopyStore copyStore() throws IOException {
        return null;
    }

    /**
     * A view of the reports held now (sent so far, committed or not), for the {@link ReportLinker}s that keep values
     * depending on other reports right; null when this sink cannot read its reports back, and then reports carry no
     * such values (no previous year, growth or carry checks).
     */
    default LinkedReports linkedReports() throws IOException {
        return null;
    }

    /**
     * Replaces a stored report by {@code report}, which differs only in values a linker sets, keeping the stored
     * texts, source hash and indexing time. Only called when {@link #linkedReports()} is not null.
     */
    default void relinked(Report report) throws IOException {
        throw new UnsupportedOperationException("this sink keeps no cross-report values");
    }

    /**
     * The {@code agencies.csv} rules the stored agency keys follow ({@link AgencyOverrides#canonical()}), or null when
     * none were recorded (a sink of an earlier release, or one that keeps no linked values). A run whose rules differ
     * re-keys the reports the old or the new rules touch.
     */
    default String agencyRules() throws IOException {
        return null;
    }

    /** Records the rules the stored keys follow from now on; kept by the next {@link #commit}. */
    default void agencyRules(String canonical) throws IOException {
    }

    /**
     * Where a run may keep its large temporary files (the spooled reports of a run that sends every report: about the
     * corpus's text size), or null for the system's temporary folder. A sink on local disk names a folder of its own,
     * so that a big run does not fill a small {@code /tmp}, and what a killed run left there is cleared by the next.
     */
    default java.nio.file.Path scratchFolder() {
        return null;
    }

    /**
     * What a failure of a run comes to: the sink may clean up after itself (an unfinished commit's files) and say
     * what happened in its own terms (a full disk). By default the failure as it is.
     */
    default IOException writeFailed(Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        throw (RuntimeException) e;
    }
}
