package org.disclosuresearch.copies;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.SeedReports;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class NarrativeSentencesTest {

    private static Report report(String agency, Region region, String text) {
        return Report.builder().id("x").agency(agency).region(region).year(2022).text(text).build();
    }

    @Test
    void numbers_years_punctuation_and_own_names_are_masked() {
        Report a = report("乐清市财政局", CopySeries.YUEQING, "2021年乐清市财政局主动公开信息120条，其中政策文件15条。");
        Report b = report("永嘉县财政局", CopySeries.YONGJIA, "2022年 永嘉县财政局主动公开信息 98 条,其中政策文件7条。");
        assertEquals(List.of(a.text().length()), NarrativeSentences.of(a).stream().map(NarrativeSentences.Sentence::end).toList());
        assertEquals(NarrativeSentences.of(a).get(0).hash(), NarrativeSentences.of(b).get(0).hash());
        assertEquals("#年〓主动公开信息#条其中政策文件#条",
                NarrativeSentences.mask(a.text(), NarrativeSentences.namesOf(a)));
        // another agency's name is not masked: a sentence naming 乐清市教育局 is its own
        Report c = report("永嘉县财政局", CopySeries.YONGJIA, "2021年乐清市教育局主动公开信息120条，其中政策文件15条。");
        assertNotEquals(NarrativeSentences.of(a).get(0).hash(), NarrativeSentences.of(c).get(0).hash());
    }

    @Test
    void short_sentences_and_table_text_are_not_counted() {
        Report r = report("乐清市财政局", CopySeries.YUEQING, "一、总体情况。无。本年度无收取信息处理费情况发生。"
                + CopySeries.TABLE + "本局进一步规范信息公开流程和保密审查制度。");
        List<String> counted = NarrativeSentences.of(r).stream().map(s -> r.text().substring(s.start(), s.end())).toList();
        // "本年度无收取信息处理费情况发生。" has 14 Han characters; the table has one number per few characters and
        // no sentence end, so it and the sentence glued after it are one stretch of table text
        assertEquals(List.of("本年度无收取信息处理费情况发生。"), counted);
    }

    /**
     * The hashes are index terms: an index built before must be matched by the same hashes. The expected values are
     * what the first implementation (a masked String, then its UTF-8 bytes hashed) gave, for the seeds' sentences
     * (src/test/resources/copies/seed-sentence-hashes.tsv) and for wording that exercises each rule: full-width and
     * circled digits, decimals and separators, Latin and Greek letters lower-cased, supplementary Han characters (not
     * counted as Han), own names, and the Han and number thresholds.
     */
    @Test
    void hashes_stay_those_existing_indexes_hold() throws Exception {
        StringBuilder actual = new StringBuilder();
        for (Report r : SeedReports.load()) {
            for (NarrativeSentences.Sentence s : NarrativeSentences.of(r)) {
                actual.append(r.id()).append('\t').append(s.start()).append('\t').append(s.end()).append('\t')
                        .append(Long.toHexString(s.hash())).append('\n');
            }
        }
        String expected;
        try (var in = getClass().getResourceAsStream("/copies/seed-sentence-hashes.tsv")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual.toString());

        Report yueqing = Report.builder().id("t").agency("乐清市卫生健康局").region(new Region("浙江省", "温州市", "乐清市"))
                .year(2022).text("x").build();
        List<String> names = NarrativeSentences.namesOf(yueqing);
        String[][] cases = {
                {"２０２１年乐清市财政局主动公开信息１２０条，其中政策文件１５条。", "#年〓财政局主动公开信息#条其中政策文件#条", "[0:32:14eebde0b84cb2f8]"},
                {"本机关共收到政府信息公开申请21.02%件，比上年增长1,200件ABC Def。", "本机关共收到政府信息公开申请#件比上年增长#件abcdef", "[0:41:f9f1e3daacfd6c28]"},
                {"𠀀𠀁𠀂本机关依法依规办理政府信息公开申请并按时答复申请人①②③。", "𠀀𠀁𠀂本机关依法依规办理政府信息公开申请并按时答复申请人#", "[0:35:596688e1b654fba7]"},
                {"本机关ＸＹＺ进一步规范信息公开流程和保密审查制度ⅣⅤ㈠㈡〓。", "本机关xyz进一步规范信息公开流程和保密审查制度ivv一二〓", "[0:30:22a4b0c5ef110569]"},
                {"乐清市卫生健康局乐清市乐清温州市浙江省浙江依申请公开工作有序开展情况良好。", "〓〓〓〓〓〓依申请公开工作有序开展情况良好", "[0:37:1689f8b3e7207a38]"},
                {"𠀀𠀁𠀂𠀃本机关依法办理公开申请事项。", "𠀀𠀁𠀂𠀃本机关依法办理公开申请事项", "[0:22:2b10d98a395122b6]"},
                {"本机关依法办理公开申请事项好。", "本机关依法办理公开申请事项好", "[0:15:ed9d2c67fcda1211]"},
                {"收到申请12件、答复11件、转办3件、不予公开2件工作情况。", "收到申请#件答复#件转办#件不予公开#件工作情况", "[0:30:730f565cc4115f53]"},
                {"𠀀𠀁本机关依法办理申请事项。", "𠀀𠀁本机关依法办理申请事项", "[]"},
                {"收到申请12件答复11件转办3件不予公开2件工作。", "收到申请#件答复#件转办#件不予公开#件工作", "[0:25:4de52b84ea71848b]"},
                {"ΑΒΓ本机关依法办理政府信息公开申请İ。", "αβγ本机关依法办理政府信息公开申请i", "[0:20:799792f5c07a44a6]"}
        };
        for (String[] c : cases) {
            assertEquals(c[1], NarrativeSentences.mask(c[0], names), c[0]);
            assertEquals(c[2], NarrativeSentences.of(c[0], names).stream()
                    .map(s -> s.start() + ":" + s.end() + ":" + Long.toHexString(s.hash())).toList().toString(), c[0]);
        }
    }
}
