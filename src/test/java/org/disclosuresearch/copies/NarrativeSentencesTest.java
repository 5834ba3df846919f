package org.disclosuresearch.copies;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.Test;

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
}
