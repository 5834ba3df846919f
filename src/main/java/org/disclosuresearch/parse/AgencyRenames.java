package org.disclosuresearch.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Former agencies a report says it continues: after an institutional reform a report writes "原平潭县工商行政管理局更名为…"
 * or "根据机构改革方案，组建…，不再保留原…局". Conservative, because a wrong link merges two agencies' series: a name
 * counts only when, in one sentence, 原 is followed directly by an agency name (a run of Han characters ending in an
 * agency word: 局, 委员会, 办公室 …) and the sentence speaks of a reform (更名, 机构改革, 组建, 整合, 划入, 不再保留, 撤销,
 * 挂牌). "我局自机构改革以来" names no former agency and gives nothing.
 */
public final class AgencyRenames {
    private AgencyRenames() {
    }

    private static final Pattern SENTENCE = Pattern.compile("[^。；;！!？?\\n]+");
    private static final Pattern REFORM = Pattern.compile("更名|机构改革|组建|整合|划入|不再保留|撤销|挂牌");
    /** 原 and the Han run after it (not 原则, 原因 …). */
    private static final Pattern FORMER = Pattern.compile("原(?![则因来有始本先件创址籍])(\\p{IsHan}{3,30})");
    /** What may follow a former name: a word that ends it (更名为, 的职责, 和 …), or a non-Han character. */
    private static final Pattern AFTER_NAME = Pattern.compile(
            "^(更名|改名|改为|的|和|与|及|等|职责|现|整合|划入|合并|撤销|不再|挂牌|组建|$)");
    private static final Pattern AGENCY_WORD = Pattern.compile(
            "(局|委员会|委|办公室|办|厅|中心|署|站|所|院|馆|队|处)$");
    /** At most this many former names per report: a report listing dozens is describing a government, not itself. */
    private static final int MAX_NAMES = 3;

    /**
     * The shortest start of a Han run that ends in an agency word and is followed by the end of a name
     * (平潭县卫生和计划生育局 in 平潭县卫生和计划生育局的职责: 平潭县卫生 is followed by 和 but is no agency), or null.
     */
    private static String shortestName(String run) {
        for (int end = 3; end <= run.length(); end++) {
            String name = run.substring(0, end);
            if (AGENCY_WORD.matcher(name).find() && AFTER_NAME.matcher(run.substring(end)).find()) {
                return name;
            }
        }
        return null;
    }

    /**
     * The former agency names {@code text} states, in order of first appearance, without {@code ownName} itself
     * (compared normalized); empty when none.
     */
    public static List<String> formerNames(String text, String ownName) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String own = AgencyIdentity.normalizeName(ownName);
        Set<String> names = new LinkedHashSet<>();
        Matcher sentence = SENTENCE.matcher(text);
        while (sentence.find()) {
            String s = sentence.group();
            if (s.indexOf('原') < 0 || !REFORM.matcher(s).find()) {
                continue;
            }
            Matcher former = FORMER.matcher(s);
            while (former.find()) {
                String name = shortestName(former.group(1));
                if (name != null && !AgencyIdentity.normalizeName(name).equals(own)) {
                    names.add(name);
                }
            }
        }
        List<String> out = new ArrayList<>(names);
        return out.size() > MAX_NAMES ? List.of() : out;
    }
}
