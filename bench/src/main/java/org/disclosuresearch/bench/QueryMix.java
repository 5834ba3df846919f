package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.SyntheticReportGenerator;
import org.disclosuresearch.synthetic.SyntheticReport;
import org.disclosuresearch.synthetic.PlantedPhrase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's query mix for a corpus of a given size: for each {@link BenchQuery.Kind} a few variants, so that one
 * lucky cache line does not decide a percentile. Facet selections are taken from reports of the corpus, so that
 * filtered queries find something at every size.
 */
final class QueryMix {

    static final List<String> WORDS = List.of("政务公开", "信息公开", "行政执法", "政策解读", "医保");
    static final List<String> PHRASES = List.of("主动公开政府信息", "政策解读", "保密审查", "重点领域信息", "回应社会关切");
    /** Found in nearly every report: the worst case once combined with facets and a range. */
    static final String COMMON_PHRASE = "依申请公开";
    static final List<String> FIGURES = List.of("penalties", "licensing", "apps_new_total");
    static final int DEEP_PAGE = 50;
    /** Phrases whose recall is checked: the planted ones (known rates), and common ones. */
    static final List<String> RECALL_PHRASES;

    static {
        List<String> phrases = new ArrayList<>();
        PlantedPhrase.ALL.forEach(p -> phrases.add(p.phrase()));
        phrases.add(COMMON_PHRASE);
        phrases.add("三审三校");
        phrases.add("保密审查");
        RECALL_PHRASES = List.copyOf(phrases);
    }

    private QueryMix() {
    }

    static List<BenchQuery> build(SyntheticReportGenerator generator, long size) {
        List<BenchQuery> mix = new ArrayList<>();
        for (String w : WORDS) {
            mix.add(new BenchQuery(BenchQuery.Kind.WORD, w, false, null, null, null, 1));
        }
        for (String p : PHRASES) {
            mix.add(new BenchQuery(BenchQuery.Kind.PHRASE, p, true, null, null, null, 1));
        }
        for (int v = 0; v < 5; v++) {
            // a report spread over the corpus gives the three selections: its agency type, province and year
            SyntheticReport sample = generator.generate(size * v / 5 + v);
            Map<String, String> facets = new LinkedHashMap<>();
            facets.put("agencyType", sample.agencyType());
            facets.put("province", sample.region().province());
            facets.put("year", Integer.toString(sample.year()));
            mix.add(new BenchQuery(BenchQuery.Kind.PHRASE_FILTERED, COMMON_PHRASE, true, facets,
                    FIGURES.get(v % FIGURES.size()), 1.0, 1));
        }
        for (PlantedPhrase p : PlantedPhrase.ALL) {
            if (!SqlitePeer.usesScan(p.phrase())) {
                mix.add(new BenchQuery(BenchQuery.Kind.RARE_PHRASE, p.phrase(), true, null, null, null, 1));
            }
        }
        for (String f : FIGURES) {
            mix.add(new BenchQuery(BenchQuery.Kind.AGGREGATE, "", false, null, f, null, 1));
        }
        for (int v = 0; v < FIGURES.size(); v++) {
            mix.add(new BenchQuery(BenchQuery.Kind.SORT_BY_FIGURE, WORDS.get(v), false, null, FIGURES.get(v), null, 1));
        }
        for (int v = 0; v < 3; v++) {
            mix.add(new BenchQuery(BenchQuery.Kind.DEEP_PAGE, WORDS.get(v), false, null, null, null, DEEP_PAGE));
        }
        return mix;
    }

    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{8,}");

    /**
     * Queries never seen before, {@code perKind} of each kind, for cold timing: every query text differs from every
     * other and from the repeated mix, so neither Lucene's query cache nor a cache of ours has met it. Words and phrases
     * are cut from the text of reports spread over the corpus (so each finds at least its report): words of 3–4
     * characters, phrases of 4–5, rare phrases of 8; the filtered kind takes its three facet values from the same
     * report and a phrase of it; aggregates count over the reports with a word; sorts and deep pages use a word.
     */
    static List<BenchQuery> cold(SyntheticReportGenerator generator, long size, int perKind) {
        List<BenchQuery> cold = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        build(generator, size).forEach(q -> seen.add(q.toString()));
        Random random = new Random(size * 31 + perKind);
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            int made = 0;
            for (int tries = 0; made < perKind && tries < perKind * 50; tries++) {
                SyntheticReport report = generator.generate(Math.floorMod(random.nextLong(), size));
                BenchQuery q = coldQuery(kind, report, random);
                if (q != null && seen.add(q.toString())) {
                    cold.add(q);
                    made++;
                }
            }
        }
        return cold;
    }

    private static BenchQuery coldQuery(BenchQuery.Kind kind, SyntheticReport report, Random random) {
        List<String> runs = new ArrayList<>();
        Matcher m = HAN_RUN.matcher(report.text());
        while (m.find()) {
            runs.add(m.group());
        }
        if (runs.isEmpty()) {
            return null;
        }
        String run = runs.get(random.nextInt(runs.size()));
        int length = switch (kind) {
            case PHRASE, PHRASE_FILTERED -> 4 + random.nextInt(2);
            case RARE_PHRASE -> 8;
            default -> 3 + random.nextInt(2);
        };
        int at = random.nextInt(run.length() - length + 1);
        String text = run.substring(at, at + length);
        String figure = FIGURES.get(random.nextInt(FIGURES.size()));
        return switch (kind) {
            case WORD -> new BenchQuery(kind, text, false, null, null, null, 1);
            case PHRASE, RARE_PHRASE -> new BenchQuery(kind, text, true, null, null, null, 1);
            case PHRASE_FILTERED -> {
                Map<String, String> facets = new LinkedHashMap<>();
                facets.put("agencyType", report.agencyType());
                facets.put("province", report.region().province());
                facets.put("year", Integer.toString(report.year()));
                yield new BenchQuery(kind, text, true, facets, figure, 1.0, 1);
            }
            case AGGREGATE -> new BenchQuery(kind, text, false, null, figure, null, 1);
            case SORT_BY_FIGURE -> new BenchQuery(kind, text, false, null, figure, null, 1);
            case DEEP_PAGE -> new BenchQuery(kind, text, false, null, null, null, DEEP_PAGE);
        };
    }
}
