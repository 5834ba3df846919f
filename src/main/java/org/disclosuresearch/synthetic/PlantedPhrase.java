package org.disclosuresearch.synthetic;

import java.util.List;

/**
 * A phrase planted into the synthetic narrative at a known rate, so that phrase recall can be checked at any corpus
 * size. None of them occurs in the vocabulary otherwise; the two-character one exercises engines that cannot index
 * phrases shorter than three characters (SQLite's trigram tokenizer).
 *
 * @param phrase the phrase, already in normalized form
 * @param rate   the probability that a report carries it
 */
public record PlantedPhrase(String phrase, double rate) {

    public static final List<PlantedPhrase> ALL = List.of(
            new PlantedPhrase("跨省通办", 0.02),
            new PlantedPhrase("朋友圈", 0.01),
            new PlantedPhrase("长护险", 0.005),
            new PlantedPhrase("盲道", 0.002),
            new PlantedPhrase("适老化改造", 0.001),
            new PlantedPhrase("数字孪生政务平台", 0.0001));

    /** Sentences that carry a planted phrase; {phrase} is replaced, the other slots are the vocabulary's. */
    static final List<String> SENTENCES = List.of(
            "针对{people}反映的{phrase}相关问题，{adverb}予以回应并公开办理结果。",
            "围绕{phrase}工作，在{channel}发布相关信息{m}条，{result}。",
            "我们将{phrase}纳入{year}年政务公开重点工作，{measure}。",
            "{year}年，{agency}就{phrase}事项开展专题解读{m}次，{result}。");
}
