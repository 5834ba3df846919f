package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.SyntheticReportGenerator;
import org.disclosuresearch.synthetic.SyntheticReport;
import org.disclosuresearch.synthetic.PlantedPhrase;
import java.util.ArrayList;
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
}
