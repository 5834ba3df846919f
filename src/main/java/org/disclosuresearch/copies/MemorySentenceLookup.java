package org.disclosuresearch.copies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SentenceLookup} of a run that sends every report, built in memory from the run's reports before any is
 * written, so that each report is stored once with its shares ({@code pipeline.FullRunLinks}). The answers are those
 * the index would give for the same reports ({@code index.IndexCopyStore}): the same holders (in another order, which
 * no caller depends on), the same previous report.
 *
 * <p>Compact, for a million reports: per report its distinct sentence hashes (a {@code long[]}, 8 bytes a sentence)
 * and its id, agency key and name (strings shared with nothing else); per year the sorted distinct hashes (8 bytes)
 * with offsets (4) into one {@code int[]} of holder numbers (4 bytes a sentence occurrence). No boxed value per
 * sentence.
 */
public final class MemorySentenceLookup implements SentenceLookup {

    private final String[] ids;
    private final String[] agencyKeys;
    private final String[] agencies;
    private final int[] years; // 0: no year
    private final long[][] hashes;
    private final Map<String, Integer> indexOf;
    private final Map<Integer, YearSentences> byYear;
    /** Report numbers of each agency key, in no order. */
    private final Map<String, int[]> byAgency;

    /** One year's sentences: holder numbers of {@code distinct[i]} are {@code holders[start[i] .. start[i+1])}. */
    private record YearSentences(int reports, long[] distinct, int[] start, int[] holders) {
    }

    private MemorySentenceLookup(Builder b) {
        int n = b.size;
        ids = Arrays.copyOf(b.ids, n);
        agencyKeys = Arrays.copyOf(b.agencyKeys, n);
        agencies = Arrays.copyOf(b.agencies, n);
        years = Arrays.copyOf(b.years, n);
        hashes = Arrays.copyOf(b.hashes, n);
        indexOf = new HashMap<>(n * 2);
        Map<Integer, int[]> counts = new HashMap<>(); // year → {reports, sentence occurrences}
        Map<String, Integer> perAgency = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(ids[i], i);
            if (years[i] != 0) {
                int[] c = counts.computeIfAbsent(years[i], y -> new int[2]);
                c[0]++;
                c[1] += hashes[i].length;
            }
            if (agencyKeys[i] != null) {
                perAgency.merge(agencyKeys[i], 1, Integer::sum);
            }
        }
        byAgency = new HashMap<>(perAgency.size() * 2);
        Map<String, Integer> filled = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = agencyKeys[i];
            if (key != null) {
                int[] members = byAgency.computeIfAbsent(key, k -> new int[perAgency.get(k)]);
                members[filled.merge(key, 1, Integer::sum) - 1] = i;
            }
        }
        byYear = new HashMap<>();
        for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
            byYear.put(e.getKey(), yearSentences(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
    }

    private YearSentences yearSentences(int year, int reports, int occurrences) {
        long[] all = new long[occurrences];
        int k = 0;
        for (int i = 0; i < ids.length; i++) {
            if (years[i] == year) {
                System.arraycopy(hashes[i], 0, all, k, hashes[i].length);
                k += hashes[i].length;
            }
        }
        Arrays.sort(all);
        int distinctCount = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinctCount++] = all[i];
            }
        }
        long[] distinct = Arrays.copyOf(all, distinctCount);
        all = null; // the occurrences' copy is not kept
        int[] start = new int[distinctCount + 1];
        for (int i = 0; i < ids.length; i++) {
            if (years[i] == year) {
                for (long h : hashes[i]) {
                    start[Arrays.binarySearch(distinct, h) + 1]++;
                }
            }
        }
        for (int i = 0; i < distinctCount; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, distinctCount);
        int[] holders = new int[occurrences];
        for (int i = 0; i < ids.length; i++) {
            if (years[i] == year) {
                for (long h : hashes[i]) {
                    holders[next[Arrays.binarySearch(distinct, h)]++] = i;
                }
            }
        }
        return new YearSentences(reports, distinct, start, holders);
    }

    @Override
    public int reportsOfYear(int year) {
        YearSentences y = byYear.get(year);
        return y == null ? 0 : y.reports();
    }

    @Override
    public List<Holder> holders(int year, long hash, int limit) {
        YearSentences y = byYear.get(year);
        if (y == null) {
            return List.of();
        }
        int at = Arrays.binarySearch(y.distinct(), hash);
        if (at < 0) {
            return List.of();
        }
        int from = y.start()[at];
        int to = Math.min(y.start()[at + 1], from + limit + 1);
        List<Holder> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(holder(y.holders()[i]));
        }
        return out;
    }

    @Override
    public int holderCount(int year, long hash, int cap) {
        YearSentences y = byYear.get(year);
        int at = y == null ? -1 : Arrays.binarySearch(y.distinct(), hash);
        return at < 0 ? 0 : Math.min(cap + 1, y.start()[at + 1] - y.start()[at]);
    }

    private Holder holder(int i) {
        return new Holder(ids[i], agencyKeys[i], agencies[i], years[i]);
    }

    @Override
    public Holder report(String id) {
        Integer i = indexOf.get(id);
        return i == null ? null : holder(i);
    }

    @Override
    public Holder previousReport(String agencyKey, int year) {
        return neighbour(agencyKey, year, -1);
    }

    @Override
    public Holder nextReport(String agencyKey, int year) {
        return neighbour(agencyKey, year, +1);
    }

    /** As the index answers it: the agency's report nearest {@code year} on one side, equal years by id. */
    private Holder neighbour(String agencyKey, int year, int side) {
        int[] members = agencyKey == null ? null : byAgency.get(agencyKey);
        if (members == null) {
            return null;
        }
        int best = -1;
        for (int i : members) {
            int y = years[i];
            if (y == 0 || Integer.compare(y, year) != side) {
                continue;
            }
            if (best < 0 || Integer.compare(y, years[best]) == -side
                    || (y == years[best] && ids[i].compareTo(ids[best]) < 0)) {
                best = i;
            }
        }
        return best < 0 ? null : holder(best);
    }

    @Override
    public long[] sentenceHashes(String id) {
        Integer i = indexOf.get(id);
        return i == null || years[i] == 0 ? new long[0] : hashes[i].clone();
    }

    /** Collects the run's reports (from several threads), then {@link #build()}. */
    public static final class Builder {
        private String[] ids = new String[1024];
        private String[] agencyKeys = new String[1024];
        private String[] agencies = new String[1024];
        private int[] years = new int[1024];
        private long[][] hashes = new long[1024][];
        private int size;

        /**
         * A report as the index would hold it: {@code agencyKey} as {@link CopyLinker#agencyKeyOf}, its distinct
         * counted sentence hashes ({@link NarrativeSentences#hashes}); a report without year holds no sentences.
         */
        public synchronized void add(String id, String agencyKey, String agency, Integer year, long[] sentenceHashes) {
            if (size == ids.length) {
                int grown = size + (size >> 1);
                ids = Arrays.copyOf(ids, grown);
                agencyKeys = Arrays.copyOf(agencyKeys, grown);
                agencies = Arrays.copyOf(agencies, grown);
                years = Arrays.copyOf(years, grown);
                hashes = Arrays.copyOf(hashes, grown);
            }
            ids[size] = id;
            agencyKeys[size] = agencyKey;
            agencies[size] = agency;
            years[size] = year == null ? 0 : year;
            hashes[size] = year == null ? new long[0] : sentenceHashes;
            size++;
        }

        public MemorySentenceLookup build() {
            return new MemorySentenceLookup(this);
        }
    }
}
