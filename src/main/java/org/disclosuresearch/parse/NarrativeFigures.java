package org.disclosuresearch.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers the narrative states for a figure (本年共收到政府信息公开申请 12 件), with the sentence that states them. They
 * never give a figure on their own: they may only choose among the cuts of a glued run that the tables leave
 * open. A statement the text contradicts (two sentences, two numbers) is dropped.
 */
final class NarrativeFigures {

    /** One stated number and the sentence stating it. */
    record Stated(long value, String sentence) {
    }

    private static final Pattern SENTENCE = Pattern.compile("[^。；;！!？?]+");
    /** About an earlier year or a comparison: such a sentence states nothing about this year's figures. */
    private static final Pattern OTHER_YEAR = Pattern.compile("上年|上一年|去年|同比|较\\d{4}年|结转");

    private record Rule(String figureId, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("apps_new_total", Pattern.compile(
                    "(?:本年|全年|年度|\\d{4}年)[^，,]{0,12}?(?:共|新|累计)?(?:受理|收到|接收|新收)[^，,\\d]{0,6}?"
                            + "(?:政府信息公开|依申请公开)[^，,\\d]{0,4}?申请[^，,\\d]{0,4}?(\\d+)(?:件|份|条|个)")),
            new Rule("apps_new_total", Pattern.compile(
                    "(?:本年|全年|年度|\\d{4}年)[^，,\\d]{0,12}?未(?:受理|收到|接收)(?:到)?[^，,\\d]{0,6}?"
                            + "(?:政府信息公开|依申请公开)[^，,\\d]{0,4}?申请()")),
            new Rule("normative_in_force", Pattern.compile("现行有效(?:的)?(?:行政)?规范性文件(?:共)?(\\d+)件")),
            new Rule("normative_issued", Pattern.compile(
                    "(?:本年|全年|年度|\\d{4}年)[^，,\\d]{0,8}?(?:制定|制发|出台|印发)(?:了)?(?:行政)?规范性文件(?:共)?(\\d+)件")),
            new Rule("regulations_in_force", Pattern.compile("现行有效(?:的)?规章(?:共)?(\\d+)件")));

    private final Map<String, Stated> stated;

    private NarrativeFigures(Map<String, Stated> stated) {
        this.stated = stated;
    }

    static NarrativeFigures of(String normalizedText) {
        Map<String, Stated> found = new HashMap<>();
        Map<String, Boolean> contradicted = new HashMap<>();
        Matcher sentences = SENTENCE.matcher(normalizedText);
        while (sentences.find()) {
            String sentence = sentences.group().trim();
            if (sentence.length() > 200 || OTHER_YEAR.matcher(sentence).find()) {
                continue;
            }
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(sentence);
                if (!m.find()) {
                    continue;
                }
                long value = m.group(1).isEmpty() ? 0 : Long.parseLong(m.group(1));
                Stated before = found.putIfAbsent(rule.figureId(), new Stated(value, sentence));
                if (before != null && before.value() != value) {
                    contradicted.put(rule.figureId(), true);
                }
            }
        }
        contradicted.keySet().forEach(found::remove);
        return new NarrativeFigures(Map.copyOf(found));
    }

    static NarrativeFigures none() {
        return new NarrativeFigures(Map.of());
    }

    Stated get(String figureId) {
        return stated.get(figureId);
    }
}
