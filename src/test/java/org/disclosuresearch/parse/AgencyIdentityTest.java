package org.disclosuresearch.parse;

import org.disclosuresearch.report.Region;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The agency key: name normalization within a region, and the stated renames (on real text and on sentences). */
class AgencyIdentityTest {

    private static final Region PINGTAN = new Region("福建省", "福州市", "平潭县");

    @Test
    void names_written_differently_give_one_key() {
        String key = "350128:平潭县人民政府办公室";
        assertEquals(key, AgencyIdentity.keyOf(PINGTAN, "平潭县人民政府办公室"));
        assertEquals(key, AgencyIdentity.keyOf(PINGTAN, "平潭县政府办公室"));
        assertEquals(key, AgencyIdentity.keyOf(PINGTAN, "平潭县政府办"));
        assertEquals(key, AgencyIdentity.keyOf(PINGTAN, "平潭县人民政府办公厅"));
        assertEquals(key, AgencyIdentity.keyOf(PINGTAN, " 平潭县 人民政府\u3000办公室 "));
        assertEquals("350128:平潭县人民政府", AgencyIdentity.keyOf(PINGTAN, "平潭县政府"));
        assertEquals("350128:平潭县财政局", AgencyIdentity.keyOf(PINGTAN, "平潭县财政局政府信息公开"));
        assertEquals("350128:平潭县财政局", AgencyIdentity.keyOf(PINGTAN, "平潭县财政局信息公开工作"));
        assertEquals("350128:中共平潭县委宣传部", AgencyIdentity.keyOf(PINGTAN, "中国共产党平潭县委宣传部"));
        assertEquals("350128:平潭县第1中学", AgencyIdentity.keyOf(PINGTAN, "平潭县第１中学")); // full-width digit
    }

    @Test
    void the_region_keeps_equal_names_apart() {
        assertEquals("330382:公安局", AgencyIdentity.keyOf(new Region("浙江省", "温州市", "乐清市"), "公安局"));
        assertEquals("110100:北京市公安局", AgencyIdentity.keyOf(new Region("北京市", "北京市", null), "北京市公安局"));
        assertEquals("000000:某某局", AgencyIdentity.keyOf(Region.NONE, "某某局"));
        assertNull(AgencyIdentity.keyOf(PINGTAN, "  "));
        assertEquals("350128", AgencyIdentity.regionCodeOf("350128:平潭县财政局"));
    }

    @Test
    void a_rename_counts_only_when_a_reform_sentence_names_the_former_agency() {
        assertEquals(List.of("平潭县工商行政管理局"), AgencyRenames.formerNames(
                "2019年，根据机构改革方案，原平潭县工商行政管理局更名为平潭县市场监督管理局。", "平潭县市场监督管理局"));
        assertEquals(List.of("平潭县卫生和计划生育局"), AgencyRenames.formerNames(
                "组建平潭县卫生健康局，不再保留原平潭县卫生和计划生育局。", "平潭县卫生健康局"));
        assertEquals(List.of("乐清市卫生和计划生育委员会"), AgencyRenames.formerNames(
                "机构改革后，原乐清市卫生和计划生育委员会的职责划入我局。", "乐清市卫生健康局"));
        // no reform word in the sentence, 原则 / 原因, the agency itself, and a reform sentence naming no former agency
        assertEquals(List.of(), AgencyRenames.formerNames("原平潭县工商行政管理局办理了12件申请。", "平潭县市场监督管理局"));
        assertEquals(List.of(), AgencyRenames.formerNames("机构改革中原则上由办公室负责。", "平潭县财政局"));
        assertEquals(List.of(), AgencyRenames.formerNames("机构改革后，原平潭县财政局继续履行职责。", "平潭县财政局"));
        assertEquals(List.of(), AgencyRenames.formerNames("我局自2019年8月份机构改革以来，认真贯彻落实。", "平潭县财政局"));
    }

    /**
     * The crawled 平潭 reports: pingtan-07 (国有资产管理局, 2019) speaks of its 机构改革 three times and pingtan-12 once,
     * but neither names a former agency, so no report links to another by a rename.
     */
    @Test
    void the_real_pingtan_reports_state_no_rename() throws IOException {
        for (String id : List.of("04", "05", "06", "07", "08", "10", "11", "12", "13", "14", "15")) {
            String text;
            try (InputStream in = getClass().getResourceAsStream("/real/pingtan-" + id + ".txt")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertEquals(List.of(), AgencyRenames.formerNames(Normalizer.normalize(text), "平潭综合实验区国有资产管理局"),
                    "pingtan-" + id);
        }
    }
}
