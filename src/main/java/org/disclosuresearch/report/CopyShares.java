package org.disclosuresearch.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How much of a report's narrative appears verbatim in other reports: computed at index time from the whole index
 * (by {@code copies.CopyCalculator}), kept on the report and shown in its view.
 *
 * @param sentences   the report's counted sentences: distinct, of a useful length ({@code copies.NarrativeSentences}), not
 *                    template wording ({@code copies.BoilerplateRule}); the denominator of every share
 * @param previous    the same agency's previous report (the latest earlier year), or null when none is indexed
 * @param prevShare   share (0–1) of the counted sentences that {@code previous} also holds; null without a
 *                    previous report or without counted sentences
 * @param peerShare   share (0–1) of the counted sentences that a report of another agency of the same year holds;
 *                    null without counted sentences
 * @param share       share (0–1) held by either (the 重复率 of the facet band); null without counted sentences
 * @param inPrevious  how many counted sentences {@code previous} holds (null without a previous report)
 * @param inPeers     how many a report of another agency of the same year holds
 * @param copied      how many either holds
 * @param similar     the reports holding most of the counted sentences, most first (at most {@link #TOP})
 * @param passages    the copied sentences in text order: span in the normalized text and the reports that hold it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CopyShares(int sentences, Link previous, Double prevShare, Double peerShare, Double share,
                         Integer inPrevious, int inPeers, int copied, List<Similar> similar, List<Passage> passages) {

    /** How many similar reports are kept. */
    public static final int TOP = 5;
    /** How many reports a passage names (the previous report first, then peers by id). */
    public static final int SOURCES_PER_PASSAGE = 3;

    public CopyShares {
        similar = similar == null ? List.of() : List.copyOf(similar);
        passages = passages == null ? List.of() : List.copyOf(passages);
    }

    /** Another report, as a link names it. */
    public record Link(String id, String agency, Integer year) {
    }

    /** A report holding {@code shared} of the counted sentences ({@code share} of them, 0–1). */
    public record Similar(String id, String agency, Integer year, int shared, double share) {
    }

    /** A copied sentence: {@code [start, end)} of the normalized text, and ids of reports that hold it. */
    public record Passage(int start, int end, List<String> reports) {
        public Passage {
            reports = List.copyOf(reports);
        }
    }
}
