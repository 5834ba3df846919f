package org.disclosuresearch.copies;

import org.disclosuresearch.report.CopyShares;
import org.disclosuresearch.report.DerivedFigures;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps every report's {@link CopyShares} right as reports come and go, touching only the reports a change can
 * affect. A report's shares depend on (1) its own sentences, (2) the reports of its year holding one of them and
 * (3) its agency's previous report. So when reports are added, replaced or deleted, the affected reports are: the
 * changed ones; every report of the same year holding a counted sentence of a changed report's old or new version
 * (found by term lookup; a template sentence's lookup stops at the boilerplate limit, and is followed only when the
 * change may have moved it across the limit); the agency's next report, whose previous report may now be another; and
 * (handed in by the write path) the reports whose agency links changed in the run or whose linked previous report is
 * a changed one.
 *
 * <p>Not followed: a year's limit itself moves by one for every 1/share reports added to that year (every 100 at the
 * default 1%), which turns the sentences held by exactly the limit's number of reports into template wording or back;
 * the reports holding them keep their shares until one of them changes or the index is rebuilt.
 */
public final class CopyLinker {

    private final BoilerplateRule rule;

    public CopyLinker(BoilerplateRule rule) {
        this.rule = rule;
    }

    /** A version of a changed report as the index held it before the run, or holds it after: what it touched. */
    public record Version(String id, String agencyKey, Integer year, long[] hashes) {
    }

    /** The version of a stored report (its sentences as indexed), or null when it is not indexed. */
    public static Version versionOf(CopyStore store, String id) throws IOException {
        CopyStore.Stored stored = store.stored(id);
        if (stored == null) {
            return null;
        }
        Report r = stored.report();
        return new Version(id, agencyKeyOf(r), r.year(), store.sentenceHashes(id));
    }

    /**
     * The ids whose shares may have changed, given the versions of the changed reports before the run (those that
     * were indexed) and the ids of every report the run added, replaced or deleted.
     */
    public Set<String> affected(CopyStore store, Collection<Version> before, Collection<String> changedIds)
            throws IOException {
        List<Version> versions = new ArrayList<>(before);
        for (String id : changedIds) {
            Version after = versionOf(store, id);
            if (after != null) {
                versions.add(after);
            }
        }
        Map<String, Integer> changedPerTerm = new HashMap<>();
        for (Version v : versions) {
            if (v.year() != null) {
                for (long h : v.hashes()) {
                    changedPerTerm.merge(v.year() + ":" + h, 1, Integer::sum);
                }
            }
        }
        Set<String> affected = new LinkedHashSet<>(changedIds);
        Map<Integer, Integer> limits = new HashMap<>();
        for (Version v : versions) {
            if (v.year() == null) {
                continue;
            }
            int limit = limits.computeIfAbsent(v.year(), y -> limitOf(store, y));
            for (long h : v.hashes()) {
                String term = v.year() + ":" + h;
                Integer changed = changedPerTerm.remove(term); // each term once
                if (changed == null) {
                    continue;
                }
                // a sentence held by more than limit + changed reports was template wording before and after the run
                List<SentenceLookup.Holder> holders = store.holders(v.year(), h, limit + changed);
                if (holders.size() <= limit + changed) {
                    holders.forEach(holder -> affected.add(holder.id()));
                }
            }
            if (v.agencyKey() != null) {
                SentenceLookup.Holder next = store.nextReport(v.agencyKey(), v.year());
                if (next != null) {
                    affected.add(next.id());
                }
            }
        }
        return affected;
    }

    private int limitOf(CopyStore store, int year) {
        try {
            return rule.limit(store.reportsOfYear(year));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The report with its shares recomputed, or null when they are unchanged (or the report is gone): only a changed
     * report needs to be stored again.
     */
    public CopyStore.Stored relink(CopyStore store, String id) throws IOException {
        CopyStore.Stored stored = store.stored(id);
        if (stored == null) {
            return null;
        }
        Report r = stored.report();
        Report withShares = withShares(r, store, rule);
        if (Objects.equals(withShares.copies(), r.copies())) {
            return null;
        }
        return new CopyStore.Stored(withShares, stored.sha256());
    }

    /**
     * The report (with its text) with its shares computed from {@code lookup}: the index after a commit, or the
     * run's reports in memory when a run sends every report.
     */
    public static Report withShares(Report r, SentenceLookup lookup, BoilerplateRule rule) throws IOException {
        return withShares(r, NarrativeSentences.of(r), lookup, rule);
    }

    /**
     * {@link #withShares(Report, SentenceLookup, BoilerplateRule)} with the report's counted sentences given: those of
     * its normalized text ({@link NarrativeSentences#of}), counted once when the run kept them.
     */
    public static Report withShares(Report r, List<NarrativeSentences.Sentence> sentences, SentenceLookup lookup,
                                    BoilerplateRule rule) throws IOException {
        CopyShares shares = new CopyCalculator(lookup, rule).compute(new CopyCalculator.Subject(r.id(), agencyKeyOf(r),
                r.year(), sentences, comparedWith(r)));
        Report withShares = r.toBuilder().copies(shares).build();
        // the shares are derived figures too (filter, sort, Σ/Σ aggregates): one derivation for all of them
        return withShares.toBuilder().derivedFigures(DerivedFigures.compute(withShares)).build();
    }

    /**
     * The id of the report that copy share (a) compares this one with, as the agency linker chose it: the year before,
     * else the agency's latest earlier report (across renames and merges); null when it chose none.
     */
    public static String comparedWith(Report r) {
        if (r.previous() != null && r.previous().id() != null) {
            return r.previous().id();
        }
        return r.earlier() == null ? null : r.earlier().id();
    }

    /**
     * The agency identity copies are grouped by: the report's {@code agencyKey} (set by the write path); for a report
     * that has none (built outside the write path) its name without spaces within its region.
     */
    public static String agencyKeyOf(Report r) {
        if (r.agencyKey() != null) {
            return r.agencyKey();
        }
        if (r.agency() == null) {
            return null;
        }
        String name = java.text.Normalizer.normalize(r.agency(), java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return r.region().province() + "/" + r.region().city() + "/" + r.region().county() + "/" + name;
    }
}
