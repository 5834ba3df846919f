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
 * looked up among the reports of the same year (at most the boilerplate limit + 1 of them, so a template sentence
 * costs one short lookup and is not counted) and in the agency's previous report.
 */
public final class CopyCalculator {

    private final SentenceLookup lookup;
    private final BoilerplateRule rule;

    public CopyCalculator(SentenceLookup lookup, BoilerplateRule rule) {
        this.lookup = lookup;
        this.rule = rule;
    }

    /** What the calculation needs of a report: identity, year and its sentences with their spans. */
    public record Subject(String id, String agencyKey, Integer year, List<NarrativeSentences.Sentence> sentences) {
    }

    /** The report's shares; a report without year is compared with nothing (all shares null). */
    public CopyShares compute(Subject report) throws IOException {
        if (report.year() == null) {
            return new CopyShares(0, null, null, null, null, null, 0, 0, List.of(), List.of());
        }
        int year = report.year();
        int limit = rule.limit(lookup.reportsOfYear(year));
        SentenceLookup.Holder prev = report.agencyKey() == null ? null
                : lookup.previousReport(report.agencyKey(), year);
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
            List<SentenceLookup.Holder> holders = lookup.holders(year, s.hash(), limit);
            if (holders.size() > limit) {
                continue; // template wording
            }
            counted++;
            List<String> sources = new ArrayList<>();
            if (prevHashes.contains(s.hash())) {
                inPrev++;
                sources.add(prev.id());
                sharedWith.merge(prev.id(), 1, Integer::sum);
            }
            List<String> peers = new ArrayList<>();
            for (SentenceLookup.Holder h : holders) {
                if (!h.id().equals(report.id()) && !sameAgency(h, report)) {
                    peers.add(h.id());
                    holderOf.putIfAbsent(h.id(), h);
                    sharedWith.merge(h.id(), 1, Integer::sum);
                }
            }
            if (!peers.isEmpty()) {
                inPeer++;
                peers.sort(null);
                sources.addAll(peers);
            }
            if (!sources.isEmpty()) {
                inEither++;
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

    private static boolean sameAgency(SentenceLookup.Holder h, Subject report) {
        return h.agencyKey() != null && h.agencyKey().equals(report.agencyKey());
    }

    /** A share rounded to 4 decimals, so that a value recomputed from the same index compares equal. */
    static double ratio(int part, int whole) {
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
