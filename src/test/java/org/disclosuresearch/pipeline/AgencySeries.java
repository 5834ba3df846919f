package org.disclosuresearch.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic agency series written as report files (JSON, read back by a stand-in parser), so that the real write
 * path (change detection, deletes, the cross-report stage) runs on exactly known figures.
 *
 * <p>平潭县工商行政管理局 reported for 2018; in 2019 it is 平潭县市场监督管理局 and its report says so (原…更名为…); 2020
 * is missing; 2021 and 2022 follow. A neighbour, 平潭县财政局, reports for 2021 only.
 */
public final class AgencySeries {
    private AgencySeries() {
    }

    static final Region PINGTAN = new Region("福建省", "福州市", "平潭县");
    public static final String NEW_KEY = "350128:平潭县市场监督管理局";
    static final String OLD_KEY = "350128:平潭县工商行政管理局";

    /** The stand-in parser: a file holds one report's JSON. */
    public static IndexerConfig config() {
        return IndexerConfig.defaults().withThreads(2).withReader((file, root) -> {
            try {
                return ReportJson.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static Map<String, Number> figures(Object... idsAndValues) {
        Map<String, Number> m = new LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            m.put((String) idsAndValues[i], ((Number) idsAndValues[i + 1]).longValue());
        }
        return m;
    }

    public static Report report(String id, String agency, int year, String template, String text, Map<String, Number> f) {
        return Report.builder().id(id).file(id + ".txt").agency(agency).year(year).template(template).region(PINGTAN)
                .agencyType("市场监管").figures(f).text(text).build();
    }

    public static void write(Path docs, Report r) throws IOException {
        try {
            Files.writeString(docs.resolve(r.id() + ".txt"), Json.mapper().writeValueAsString(r), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report y2018() {
        return report("scjg-2018", "平潭县工商行政管理局", 2018, "2019", "平潭县工商行政管理局2018年政府信息公开工作年度报告。",
                figures("apps_new_total", 10, "apps_new_natural", 10, "apps_carryover_total", 2,
                        "apps_carryover_natural", 2, "apps_total_total", 8, "apps_granted_total", 4,
                        "apps_partial_total", 2, "apps_unable_not_held_total", 1,
                        "licensing_prev_items", 5, "licensing_delta", 1,
                        "review_total", 3, "review_corrected", 1, "review_pending", 1));
    }

    static Report y2019() {
        return report("scjg-2019", "平潭县市场监督管理局", 2019, "2019",
                "2019年，根据机构改革方案，原平潭县工商行政管理局更名为平潭县市场监督管理局。",
                figures("apps_new_total", 15, "apps_carried_total", 2, "apps_carried_natural", 3,
                        "apps_total_total", 0, "apps_granted_total", 0, "apps_partial_total", 0,
                        "licensing_prev_items", 6, "penalties_prev_items", 9,
                        "review_total", 2, "review_corrected", 0, "review_pending", 2));
    }

    static Report y2021(long carryover) {
        return report("scjg-2021", "平潭县市场监督管理局", 2021, "2021", "平潭县市场监督管理局2021年度报告。",
                figures("apps_new_total", 20, "apps_carried_total", 1, "apps_carryover_total", carryover,
                        "apps_total_total", 10, "apps_granted_total", 5, "apps_partial_total", 3,
                        "apps_unable_not_held_total", 2));
    }

    static Report y2022() {
        return report("scjg-2022", "平潭县市场监督管理局", 2022, "2021", "平潭县市场监督管理局2022年度报告。",
                figures("apps_new_total", 30, "apps_carried_total", 4, "apps_total_total", 30,
                        "apps_granted_total", 20, "apps_partial_total", 4, "apps_unable_not_held_total", 3));
    }

    static Report neighbour() {
        return report("cz-2021", "平潭县财政局", 2021, "2021", "平潭县财政局2021年度报告。",
                figures("apps_new_total", 4, "apps_total_total", 4, "apps_granted_total", 1,
                        "apps_partial_total", 0));
    }

    // A renamed agency copying its former agency's last report, and two agencies only agencies.csv merges: their
    // 2022 reports repeat sentences of the 2021 reports (the first glued to the title line, equal once the agency
    // names are masked)

    public static final String[] LAST_YEAR = {
            "本局坚持把信息公开作为转变政府职能的重要抓手，全面推进决策执行管理服务结果公开。",
            "全年通过门户网站主动公开行政许可和行政处罚信息，及时回应企业和群众关切。",
            "加强政策解读工作，对重要政策文件做到解读材料与政策文件同步起草同步审签。",
            "下一步将继续完善依申请公开办理机制，规范答复文书格式，提升答复质量。"};
    static final String OWN = "本局新设食品安全抽检信息公开专栏，按季度公布抽检结果和不合格产品处置情况。";
    static final String RENAME = "2022年，根据机构改革方案，原平潭县工商行政管理局更名为平潭县市场监督管理局。";
    /** The agencies.csv that makes 平潭县国有资产管理局 and 平潭县投资促进局 one agency. */
    public static final String MERGE = AgencyOverrides.HEADER + "\n平潭县国有资产管理局,350128,350128:平潭县投资促进局\n";
    public static final String RULES_HEADER = AgencyOverrides.HEADER + "\n";

    /** 平潭县工商行政管理局, 2021, with these sentences. */
    public static Report formerAgency(String... sentences) {
        return formerAgency(2021, sentences);
    }

    /** 平潭县工商行政管理局's report {@code gs-<year>}, with these sentences. */
    public static Report formerAgency(int year, String... sentences) {
        return report("gs-" + year, "平潭县工商行政管理局", year, "2021",
                "平潭县工商行政管理局" + year + "年政府信息公开工作年度报告\n" + String.join("", sentences),
                figures("apps_new_total", 6, "apps_carryover_total", 2));
    }

    /** 平潭县市场监督管理局, 2022: three of the former agency's four sentences, the rename, one of its own. */
    public static Report renamedAgency() {
        return report("sj-2022", "平潭县市场监督管理局", 2022, "2021",
                "平潭县市场监督管理局2022年政府信息公开工作年度报告\n" + LAST_YEAR[0] + LAST_YEAR[1] + LAST_YEAR[2] + RENAME
                        + OWN, figures("apps_new_total", 9, "apps_carried_total", 2));
    }

    /**
     * gz-2021 (国有资产管理局, four sentences, 结转下年度 2), tc-2022 (投资促进局: three of them, one of its own, 上年结转 3),
     * cz-2022 (财政局, unrelated).
     */
    public static List<Report> mergedByRule() {
        String[] s = LAST_YEAR;
        return List.of(report("gz-2021", "平潭县国有资产管理局", 2021, "2021",
                        "平潭县国有资产管理局2021年政府信息公开工作年度报告\n" + String.join("", s),
                        figures("apps_new_total", 5, "apps_carryover_total", 2)),
                report("tc-2022", "平潭县投资促进局", 2022, "2021",
                        "平潭县投资促进局2022年政府信息公开工作年度报告\n" + s[0] + s[1] + s[3] + OWN,
                        figures("apps_new_total", 7, "apps_carried_total", 3)),
                report("cz-2022", "平潭县财政局", 2022, "2021",
                        "平潭县财政局2022年政府信息公开工作年度报告\n加强财政政策解读，通过图表和问答等形式解读惠企利民资金政策。",
                        figures("apps_new_total", 1)));
    }

    /** One update of the index from the folder (the stand-in parser), which must fail on no file. */
    static IndexSummary run(Path docs, Path index) throws IOException {
        try (Indexer indexer = new Indexer(index, config())) {
            IndexSummary s = indexer.update(java.util.List.of(docs), null);
            org.junit.jupiter.api.Assertions.assertTrue(s.failed().isEmpty(), s.failed().toString());
            return s;
        }
    }

    /** Writes the whole series and indexes it. */
    static IndexSummary index(Path docs, Path index) throws IOException {
        Files.createDirectories(docs);
        for (Report r : new Report[] {y2018(), y2019(), y2021(3), y2022(), neighbour()}) {
            write(docs, r);
        }
        try (Indexer indexer = new Indexer(index, config())) {
            return indexer.update(java.util.List.of(docs), null);
        }
    }
}
