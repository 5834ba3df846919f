package org.disclosuresearch.parse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MetadataExtractorTest {

    private static MetadataExtractor.Metadata meta(String raw) {
        return MetadataExtractor.extract(Normalizer.normalize(raw));
    }

    @Test
    void agencyBeforeTheYear() {
        var m = meta("乐清市医疗保障局 2021年政府信息\n公开工作年度报告\n正文");
        assertEquals("乐清市医疗保障局", m.agency());
        assertEquals(2021, m.year());
    }

    @Test
    void agencyAfterTheYear() {
        var m = meta("2020年度乐清市教育局政府信息公开工作年度报告\n正文");
        assertEquals("乐清市教育局", m.agency());
        assertEquals(2020, m.year());
    }

    @Test
    void webPageMetadataBeforeTheTitleStaysOut() {
        var m = meta("首页 > 政务公开 > 政府信息公开年报\n索引号：001008003007/2022-00012 发布机构：乐清市医疗保障局 "
                + "生成日期：2022-01-14\n《乐清市医疗保障局关于2021年度政府信息公开工作年度报告》\n正文");
        assertEquals("乐清市医疗保障局", m.agency());
        assertEquals(2021, m.year());
    }

    @Test
    void titleWithoutYear() {
        var m = meta("乐清市医疗保障局政府信息公开工作年度报告\n本报告统计期限自2021年1月1日起至2021年12月31日止。");
        assertEquals("乐清市医疗保障局", m.agency());
        assertEquals(2021, m.year());
    }

    @Test
    void closingDateInArabicOrChineseNumerals() {
        assertEquals("2022-01-14", meta("报告 正文。\n乐清市医疗保障局\n2022 年 1月 14日\n").published());
        assertEquals("2021-01-30", meta("报告 正文。\n某局\n二〇二一年一月三十日").published());
        assertEquals("2022-02-08", meta("报告 正文。\n某局\n2022-02-08").published());
    }

    @Test
    void noDateAtTheEndMeansNull() {
        assertNull(meta("本报告中所列数据的统计时间为2021年1月1日至2021年12月31日。" + "其他事项。".repeat(20)).published());
        assertNull(meta("某局\n2022年2月30日").published(), "not a real date");
    }
}
