package org.disclosuresearch.parse;

import org.disclosuresearch.report.AgencyTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgencyTypeClassifierTest {

    private final AgencyTypeClassifier classifier = new AgencyTypeClassifier();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "乐清市医疗保障局,医疗保障",
            "乐清市卫生健康局,卫生健康",
            "乐清市人民政府办公室,办公室",   // 人民政府办公室 is longer than 人民政府
            "乐清市人民政府,人民政府",
            "北京市朝阳区三里屯街道办事处,街道",
            "温州市生态环境局乐清分局,生态环境",
            "乐清市自然资源和规划局,自然资源",
            "某某研究会,其他",
    })
    void longestKeywordDecides(String agency, String type) {
        assertEquals(type, classifier.classify(agency));
    }

    @Test
    void emptyNameIsOther() {
        assertEquals(AgencyTypes.OTHER, classifier.classify(""));
        assertEquals(AgencyTypes.OTHER, classifier.classify(null));
    }

    @Test
    void vocabularyListsEveryTypeWithOtherLast() {
        var types = AgencyTypes.get().types();
        assertTrue(types.size() > 40, types::toString);
        assertEquals("其他", types.get(types.size() - 1));
        assertTrue(types.contains("医疗保障"));
    }
}
