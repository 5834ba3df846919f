package org.disclosuresearch.parse;

import org.disclosuresearch.report.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegionResolverTest {

    private final RegionResolver resolver = RegionResolver.get();

    /** The example table of REGIONS.md ("Recommended matching rule"); empty cells are null levels. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "乐清市医疗保障局|浙江省|温州市|乐清市",
            "威海市医疗保障局|山东省|威海市|",
            "海盐县医疗保障局|浙江省|嘉兴市|海盐县",
            "金乡县医疗保障局|山东省|济宁市|金乡县",
            "上海市人民政府办公厅|上海市|上海市|",
            "乐清市卫生健康局|浙江省|温州市|乐清市",
            "上海市浦东新区医疗保障局|上海市|上海市|浦东新区",
            "仙桃市医疗保障局|湖北省||仙桃市",
            "东莞市医疗保障局|广东省|东莞市|",
            "鼓楼区医疗保障局|||",
            "吉林医保局|吉林省||",
            "浙江省温州市乐清市人民政府|浙江省|温州市|乐清市",
            "乐清医保局|浙江省|温州市|乐清市",
            "中山大学|||",
            "中共乐清市委办公室|浙江省|温州市|乐清市",
    })
    void regionsMdExamples(String agency, String province, String city, String county) {
        assertEquals(new Region(province, city, county), resolver.resolve(agency, agency));
    }

    @Test
    void ambiguousCountyIsSettledByTheCityTheReportNames() {
        assertEquals(new Region("江苏省", "南京市", "鼓楼区"),
                resolver.resolve("鼓楼区医疗保障局", "鼓楼区医疗保障局 地址:南京市鼓楼区北京西路"));
        assertEquals(new Region("福建省", "福州市", "鼓楼区"),
                resolver.resolve("鼓楼区医疗保障局", "福州市鼓楼区医疗保障局2021年报告"));
    }

    @Test
    void ambiguousCountyStaysUnresolvedWhenTheProvinceDoesNotSettleIt() {
        // 市中区 is twice in 山东省 (济南, 枣庄) and twice in 四川省: the province is known, city and county are not
        assertEquals(new Region("山东省", null, null), resolver.resolve("市中区民政局", "山东省"));
        assertEquals(Region.NONE, resolver.resolve("市中区民政局", "市中区民政局"));
    }

    /** regions/aliases.csv: 平潭综合实验区 is 福州市平潭县; its agencies write the experiment zone's name. */
    @Test
    void anAliasResolvesToItsDivision() {
        Region pingtan = new Region("福建省", "福州市", "平潭县");
        assertEquals(pingtan, resolver.resolve("平潭综合实验区财政金融局", null));
        assertEquals(pingtan, resolver.resolve("平潭综合实验区", null));
        assertEquals(pingtan, resolver.resolve("平潭县人民政府", null));
    }

    @Test
    void provinceNameDisambiguatesWhenItIsEnough() {
        // 朝阳区: 北京 and 长春 (吉林省)
        assertEquals(new Region("吉林省", "长春市", "朝阳区"), resolver.resolve("朝阳区财政局", "吉林省长春"));
    }

    @Test
    void unknownAndEmptyNamesGiveNoRegion() {
        assertEquals(Region.NONE, resolver.resolve("某某单位", null));
        assertEquals(Region.NONE, resolver.resolve("", null));
        assertEquals(Region.NONE, resolver.resolve(null, null));
    }

    @Test
    void shortNamesFollowTheRule() {
        assertEquals("石柱", RegionResolver.shortName("石柱土家族自治县"));
        assertEquals("广西", RegionResolver.shortName("广西壮族自治区"));
        assertEquals("东乡", RegionResolver.shortName("东乡族自治县"));
        assertEquals("大通", RegionResolver.shortName("大通回族土族自治县"));
        assertEquals("内蒙古", RegionResolver.shortName("内蒙古自治区"));
        assertEquals("乐清", RegionResolver.shortName("乐清市"));
        assertEquals("忠县", RegionResolver.shortName("忠县"));
        assertEquals("城区", RegionResolver.shortName("城区"));
        assertEquals("科尔沁右翼前旗", RegionResolver.shortName("科尔沁右翼前旗"));
        assertEquals("香港", RegionResolver.shortName("香港特别行政区"));
    }
}
