package org.disclosuresearch.copies;

import org.disclosuresearch.report.CopyShares;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The copy shares of one report, from its counted sentences and the index's term lookups: each distinct sentence is
 * counted among the reports of the same year (up to the boilerplate limit + 1, so a template sentence costs one short
 * count and is not counted) and looked up in the agency's previous report.
 *
 * <p>Bounded cost per report: only a sentence held by at most {@link #SIMILAR_MAX_HOLDERS} reports of the year has its
 * holders read one by one (the pair counts of the most similar reports, the peers a copied passage links to). A
 * commoner sentence that is still no template wording (possible only in a year of more than 2,000 reports, where the
 * limit passes 20) counts toward the peer share when one of its first holders is another agency's, and links no peer:
 * at a million reports (≈200k a year, limit 2,000) reading every holder of every such sentence made each of k holders
 * walk k holders (Σk² work), and a sentence twenty reports share says little about which one was copied.
 */
public final class CopyCalculator {

    /**
     * The most reports of a year a sentence may be held by and still count toward the most similar reports (and name
     * its peers in a passage). 20: in the synthetic bench corpus a copied slot combination is held by 2–30 reports of a
     * year; in the seeds and the real 平潭 reports no sentence by more than 2.
     */
    public static final int SIMILAR_MAX_HOLDERS = 20;

    private final SentenceLookup lookup;
    private final BoilerplateRule rule;

    public CopyCalculator(SentenceLookup lookup, BoilerplateRule rule) {
        this.lookup = lookup;
        this.rule = rule;
    }

    /**
     * What the calculation needs of a report: identity, year, its sentences with their spans, and the id of the
     * report the agency linker chose to compare it with ({@link CopyLinker#comparedWith}: the year before, else the
     * agency's latest earlier report, across stated renames and agencies.csv merges), null when it chose none.
     */
    public record Subject(String id, String agencyKey, Integer year, List<NarrativeSentences.Sentence> sentences,
                          String linkedPrevious) {
    }

    /** The report's shares; a report without year is compared with nothing (all shares null). */
    public CopyShares compute(Subject report) throws IOException {
        if (report.year() == null) {
            return new CopyShares(0, null, null, null, null, null, 0, 0, List.of(), List.of());
        }
        int year = report.year();
        int limit = rule.limit(lookup.reportsOfYear(year));
        SentenceLookup.Holder prev = previousOf(report, year);
        Set<Long> prevHashes = new HashSet<>();
        if (prev != null) {
            for (long h : lookup.sentenceHashes(prev.id())) {
                prevHashes.add(h);
            }
        }
        Map<Long, List<String>> sourcesOf = new HashMap<>();
        Map<String, Integer> sharedWith = new LinkedHashMap<>();
        Map<String, SentenceLookup.Holder> holderOf = new HashMap<>();
        if (prev != null) {
            holderOf.put(prev.id(), prev);
        }
        Set<Long> seen = new HashSet<>();
        int counted = 0;
        int inPrev = 0;
        int inPeer = 0;
        int inEither = 0;
        for (NarrativeSentences.Sentence s : report.sentences()) {
            if (!seen.add(s.hash())) {
                continue;
            }
            int held = lookup.holderCount(year, s.hash(), limit);
            if (held > limit) {
                continue; // template wording
            }
            counted++;
            boolean rare = held <= SIMILAR_MAX_HOLDERS;
            List<SentenceLookup.Holder> holders = lookup.holders(year, s.hash(), Math.min(held, SIMILAR_MAX_HOLDERS));
            List<String> sources = new ArrayList<>();
            if (prevHashes.contains(s.hash())) {
                inPrev++;
                sources.add(prev.id());
                if (rare) {
                    sharedWith.merge(prev.id(), 1, Integer::sum);
                }
            }
            List<String> peers = new ArrayList<>();
            for (SentenceLookup.Holder h : holders) {
                if (!h.id().equals(report.id()) && !sameAgency(h, report)) {
                    peers.add(h.id());
                    if (rare) {
                        holderOf.putIfAbsent(h.id(), h);
                        sharedWith.merge(h.id(), 1, Integer::sum);
                    }
                }
            }
            if (!peers.isEmpty()) {
                inPeer++;
                if (rare) { // a common sentence's first holders depend on the index's order: no peer named
                    peers.sort(null);
                    sources.addAll(peers);
                }
            }
            if (!sources.isEmpty() || !peers.isEmpty()) {
                inEither++;
            }
            if (!sources.isEmpty()) {
                sourcesOf.put(s.hash(), sources.subList(0, Math.min(CopyShares.SOURCES_PER_PASSAGE, sources.size())));
            }
        }
        List<CopyShares.Passage> passages = new ArrayList<>();
        for (NarrativeSentences.Sentence s : report.sentences()) {
            List<String> sources = sourcesOf.get(s.hash());
            if (sources != null) {
                passages.add(new CopyShares.Passage(s.start(), s.end(), sources));
            }
        }
        List<CopyShares.Similar> similar = new ArrayList<>();
        final int denominator = counted;
        sharedWith.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(CopyShares.TOP)
                .forEach(e -> {
                    SentenceLookup.Holder h = holderOf.get(e.getKey());
                    similar.add(new CopyShares.Similar(h.id(), h.agency(), h.year(), e.getValue(),
                            ratio(e.getValue(), denominator)));
                });
        CopyShares.Link previous = prev == null ? null : new CopyShares.Link(prev.id(), prev.agency(), prev.year());
        return new CopyShares(counted, previous,
                counted == 0 || prev == null ? null : ratio(inPrev, counted),
                counted == 0 ? null : ratio(inPeer, counted),
                counted == 0 ? null : ratio(inEither, counted),
                prev == null ? null : inPrev, inPeer, inEither, similar, passages);
    }

    /**
     * The report the share (a) compares with: the one the agency linker chose (the year before, whatever key the
     * agency had then: one answer for carry checks, growth and copies; after a missing year the agency's latest earlier
     * report); without one (reports not linked) the latest earlier report under the same key.
     */
    private SentenceLookup.Holder previousOf(Subject report, int year) throws IOException {
        if (report.linkedPrevious() != null) {
            SentenceLookup.Holder linked = lookup.report(report.linkedPrevious());
            if (linked != null) {
                return linked;
            }
        }
        return report.agencyKey() == null ? null : lookup.previousReport(report.agencyKey(), year);
    }

    private static boolean sameAgency(SentenceLookup.Holder h, Subject report) {
        return h.agencyKey() != null && h.agencyKey().equals(report.agencyKey());
    }

    /** A share rounded to 4 decimals, so that a value recomputed from the same index compares equal. */
    static double ratio(int part, int whole) {
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
