package org.disclosuresearch.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.index.Fields;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.query.MatchMode;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first promise: a quoted phrase finds exactly the reports whose normalized text contains it (recall and
 * precision against substring truth), and the measurement of what a phrase query on the smartcn field alone misses.
 */
class ExactPhraseSearchTest {

    @TempDir
    static Path indexDir;
    static List<Report> seeds;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void buildIndex() throws Exception {
        seeds = SeedReports.load();
        backend = SeedReports.indexAndOpen(indexDir, seeds);
    }

    @AfterAll
    static void close() throws Exception {
        backend.close();
    }

    /** The reports whose normalized text contains the normalized phrase: the spec's definition of a match. */
    static Set<String> truth(String phrase) {
        String p = Normalizer.normalize(phrase);
        return seeds.stream().filter(r -> r.text().contains(p)).map(Report::id).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> found(String phrase) {
        SearchResult r = backend.search(new SearchRequest("\"" + phrase.replace("\\", "\\\\") + "\"", null, null, null,
                100, null, null));
        Set<String> ids = r.hits().stream().map(SearchResult.Hit::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(r.total(), ids.size());
        return ids;
    }

    @Test
    void 依申请公开_is_in_all_five_seeds_including_the_one_split_across_lines() {
        assertEquals(5, truth("依申请公开").size());
        assertEquals(truth("依申请公开"), found("依申请公开"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"依申请公开", "本机关不掌握", "长护险", "三审三校", "朋友圈", "医疗保障局", "政府信息公开",
            "乐清", "威海市", "不予公开", "行政复议", "2021", "2021年", "100%", "(一)", "一、", "。", "医", "险",
            "收取信息处理费", "网站", "微信公众号", "申 请", "依申请\n公开", "ＡＢＣ", "局局", "公开公开", "xyz不存在的短语",
            "20", ". ", "0 0", "年度报告"})
    void phrase_matches_exactly_the_reports_containing_it(String phrase) {
        assertEquals(truth(phrase), found(phrase), "phrase " + phrase);
    }

    @Test
    void random_substrings_and_near_misses_match_exactly_their_reports() {
        Random random = new Random(20260123L);
        int checked = 0;
        int nonTrivial = 0;
        for (int i = 0; i < 400; i++) {
            Report r = seeds.get(random.nextInt(seeds.size()));
            int[] cps = r.text().codePoints().toArray();
            int len = 1 + random.nextInt(12);
            int start = random.nextInt(Math.max(1, cps.length - len));
            int[] piece = java.util.Arrays.copyOfRange(cps, start, Math.min(cps.length, start + len));
            if (i % 4 == 3) {
                // a near miss: one character changed, usually contained nowhere (tests precision)
                piece[random.nextInt(piece.length)] = r.text().codePointAt(random.nextInt(r.text().length() - 1));
            }
            String phrase = new String(piece, 0, piece.length);
            if (Normalizer.normalize(phrase).isEmpty() || Normalizer.normalize(phrase).contains("\"")) {
                continue;
            }
            Set<String> expected = truth(phrase);
            assertEquals(expected, found(phrase), "phrase '" + phrase + "'");
            checked++;
            if (expected.size() != 0 && expected.size() != seeds.size()) {
                nonTrivial++;
            }
        }
        assertTrue(checked > 350, "checked " + checked);
        assertTrue(nonTrivial > 50, "phrases that separate the seeds: " + nonTrivial);
    }

    /**
     * The measurement behind the exact field: the same phrases as a phrase query on the smartcn field (what the
     * classic parser would build). Two phrase sets: random Han substrings (which often cut a smartcn word in two),
     * and word-aligned phrases (2-3 consecutive smartcn words of one sentence, looked for in every report, where
     * smartcn may segment the same characters differently). Prints the numbers; asserts that the exact field misses
     * nothing and that smartcn alone does miss.
     */
    @Test
    void smartcn_phrase_queries_miss_reports_that_the_exact_field_finds() throws Exception {
        List<String> named = List.of("依申请公开", "本机关不掌握", "长护险", "三审三校", "朋友圈");
        List<String> substrings = new ArrayList<>();
        List<String> wordAligned = new ArrayList<>();
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            Report r = seeds.get(random.nextInt(seeds.size()));
            int[] cps = r.text().codePoints().toArray();
            int len = 2 + random.nextInt(7);
            int start = random.nextInt(cps.length - len);
            String p = Normalizer.normalize(new String(cps, start, len));
            if (p.codePoints().allMatch(Normalizer::isHan)) {
                substrings.add(p);
            }
            List<String> words = Analyzers.wordSegmenter().words(r.text().substring(start,
                    Math.min(r.text().length(), start + 40)));
            if (words.size() > 4) {
                int n = 2 + random.nextInt(2);
                String joined = String.join("", words.subList(1, 1 + n));
                if (joined.codePoints().allMatch(Normalizer::isHan) && r.text().contains(joined)) {
                    wordAligned.add(joined);
                }
            }
        }
        {
            for (String p : named) {
                System.out.printf("[measure] %s: substring truth %d reports, smartcn phrase query %d, exact %d%n",
                        p, truth(p).size(), smartcnPhrase(p).size(), found(p).size());
            }
            int smartcnMissedSubstrings = measure("random Han substrings, length 2-8", substrings);
            measure("word-aligned phrases, 2-3 smartcn words", wordAligned); // printed: smartcn may or may not miss
            assertTrue(smartcnMissedSubstrings > 0, "smartcn alone missed no substring: the exact field is moot");
        }
        // what the project promises for what users type: an unquoted phrase finds exactly the reports holding it,
        // and matching words (match=words) never loses one of them
        assertTrue(wordAligned.size() > 50, "word-aligned phrases: " + wordAligned.size());
        for (String p : wordAligned) {
            assertEquals(truth(p), unquoted(p, MatchMode.EXACT), p);
            Set<String> byWords = unquoted(p, MatchMode.WORDS);
            assertTrue(byWords.containsAll(truth(p)), p + ": " + truth(p) + " not all in " + byWords);
        }
    }

    private static Set<String> unquoted(String phrase, MatchMode match) {
        SearchResult r = backend.search(new SearchRequest(phrase, null, null, null, 100, null, null, match));
        assertEquals(r.total(), r.hits().size());
        return r.hits().stream().map(SearchResult.Hit::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int measure(String label, List<String> phrases) throws Exception {
        int smartcnMissed = 0;
        int smartcnExtra = 0;
        int phrasesWithMiss = 0;
        int exactMissed = 0;
        int exactExtra = 0;
        long expectedTotal = 0;
        for (String p : phrases) {
            Set<String> expected = truth(p);
            expectedTotal += expected.size();
            Set<String> got = smartcnPhrase(p);
            int missed = (int) expected.stream().filter(id -> !got.contains(id)).count();
            smartcnMissed += missed;
            smartcnExtra += (int) got.stream().filter(id -> !expected.contains(id)).count();
            phrasesWithMiss += missed > 0 ? 1 : 0;
            Set<String> exact = found(p);
            exactMissed += (int) expected.stream().filter(id -> !exact.contains(id)).count();
            exactExtra += (int) exact.stream().filter(id -> !expected.contains(id)).count();
        }
        System.out.printf("[measure] %s: %d phrases, %d (phrase, report) matches by substring truth; smartcn "
                        + "phrase query missed %d (%.1f%%) in %d phrases (%.1f%%), %d false; exact field missed %d, "
                        + "%d false%n", label, phrases.size(), expectedTotal, smartcnMissed,
                100.0 * smartcnMissed / Math.max(1, expectedTotal), phrasesWithMiss,
                100.0 * phrasesWithMiss / Math.max(1, phrases.size()), smartcnExtra, exactMissed, exactExtra);
        assertEquals(0, exactMissed, label);
        assertEquals(0, exactExtra, label);
        return smartcnMissed;
    }

    /**
     * What a phrase query on a smartcn field would find (the index keeps no word positions, so it is computed here):
     * the reports whose words hold the phrase's words at the same relative positions.
     */
    private static Set<String> smartcnPhrase(String phrase) throws IOException {
        Map<Integer, String> query = wordPositions(phrase);
        Set<String> got = new TreeSet<>();
        if (query.isEmpty()) {
            return got;
        }
        int first = query.keySet().iterator().next();
        for (Report r : seeds) {
            Map<Integer, String> words = wordPositions(r.text());
            for (int start : words.keySet()) {
                boolean all = query.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(words.get(start + e.getKey() - first)));
                if (all) {
                    got.add(r.id());
                    break;
                }
            }
        }
        return got;
    }

    private static Map<Integer, String> wordPositions(String text) throws IOException {
        Map<Integer, String> positions = new TreeMap<>();
        try (TokenStream ts = Analyzers.words().tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                positions.put(position, term.toString());
            }
            ts.end();
        }
        return positions;
    }
}
