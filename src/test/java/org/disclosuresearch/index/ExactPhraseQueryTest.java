package org.disclosuresearch.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The bigram cover of a phrase: every character covered, the rare bigrams preferred. */
class ExactPhraseQueryTest {

    @Test
    void the_cover_keeps_both_ends_and_takes_the_rarer_bigrams_between() {
        // 主动公开政府信息 at 100k synthetic reports: 公开 and 政府 are common, 动公 and 开政 rare
        long[] cost = {792_335, 637_516, 8_769_201, 392_767, 4_077_623, 2_982_846, 6_524_177};
        assertArrayEquals(new int[]{0, 1, 3, 5, 6}, ExactPhraseQuery.cheapestCover(cost));
        // equal costs: every other bigram and the last, as few as cover the phrase
        assertArrayEquals(new int[]{0, 2, 4, 5}, ExactPhraseQuery.cheapestCover(new long[]{1, 1, 1, 1, 1, 1}));
        assertArrayEquals(new int[]{0, 1}, ExactPhraseQuery.cheapestCover(new long[]{5, 7}));
        // of equal costs, the fewer bigrams
        assertArrayEquals(new int[]{0, 2}, ExactPhraseQuery.cheapestCover(new long[]{3, 0, 3}));
    }

    @Test
    void no_two_chosen_bigrams_leave_a_character_uncovered() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 1000; round++) {
            long[] cost = random.longs(2 + random.nextInt(12), 0, 1000).toArray();
            int[] cover = ExactPhraseQuery.cheapestCover(cost);
            org.junit.jupiter.api.Assertions.assertEquals(0, cover[0]);
            org.junit.jupiter.api.Assertions.assertEquals(cost.length - 1, cover[cover.length - 1]);
            for (int i = 1; i < cover.length; i++) {
                org.junit.jupiter.api.Assertions.assertTrue(cover[i] - cover[i - 1] >= 1 && cover[i] - cover[i - 1] <= 2);
            }
        }
    }
}
