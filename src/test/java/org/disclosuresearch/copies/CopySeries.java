package org.disclosuresearch.copies;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic series with known copying. Every report also prints the same table text and one sentence of the
 * regulation's wording (B) that all seven 2022 reports share: more than the default rule's 5, so template wording.
 * <ul>
 *   <li>{@code a-2021}, {@code a-2022}: 乐清市统计局; 2022 repeats 2021's four sentences with other numbers</li>
 *   <li>{@code d-2022} 乐清市财政局 writes five sentences; {@code c-2022} 永嘉县财政局 copies four of them, its own
 *       name and county in place of d's, and adds one</li>
 *   <li>{@code u1-2022} … {@code u4-2022}: unrelated agencies, one sentence of their own each</li>
 * </ul>
 */
public final class CopySeries {
    private CopySeries() {
    }

    public static final Region YUEQING = new Region("浙江省", "温州市", "乐清市");
    public static final Region YONGJIA = new Region("浙江省", "温州市", "永嘉县");

    public static final String TABLE = " 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0 "
            + "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 (一)予以公开 0 0 0 0 0 0 0 ";
    public static final String BOILERPLATE = "本报告根据中华人民共和国政府信息公开条例的规定由本机关编制并向社会公布。";

    public static String statistics(int year, int published, int policies, int meetings) {
        return year + "年本局主动公开政府信息共计" + published + "条，其中政策文件" + policies + "条。"
                + "本局坚持把统计数据发布作为政务公开的重点，按月发布全市主要经济指标。"
                + "全年召开新闻发布会" + meetings + "次，及时回应社会各界对统计数据的关切。"
                + "下一步将进一步规范统计信息公开流程，提升数据解读的及时性和准确性。";
    }

    public static String finance(String agency, String county) {
        return agency + "坚持以公开为常态不公开为例外的原则推进财政预决算公开。"
                + "全面公开" + county + "本级政府预算决算和部门预算决算，做到应公开尽公开。"
                + "加强财政政策解读，通过图表和问答等形式解读惠企利民资金政策。"
                + "持续做好政府采购信息公开，实现采购项目全过程信息公开。";
    }

    public static Report report(String id, String agency, Region region, int year, String narrative) {
        return Report.builder().id(id).file(id + ".txt").agency(agency).year(year).region(region)
                .text(agency + year + "年政府信息公开工作年度报告\n" + narrative + TABLE + "\n" + agency + "\n" + (year + 1) + "年1月15日\n").build();
    }

    /** Writes every report of the series into {@code dir} as {@code <id>.txt} (its text), as a corpus folder. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Report r : all()) {
            write(dir, r);
        }
        return dir;
    }

    public static void write(Path dir, Report r) throws IOException {
        Files.writeString(dir.resolve(r.id() + ".txt"), r.text(), StandardCharsets.UTF_8);
    }

    public static List<Report> all() {
        List<Report> out = new ArrayList<>();
        out.add(report("a-2021", "乐清市统计局", YUEQING, 2021, statistics(2021, 120, 15, 4)));
        out.add(report("a-2022", "乐清市统计局", YUEQING, 2022, statistics(2022, 98, 7, 6) + BOILERPLATE));
        out.add(report("d-2022", "乐清市财政局", YUEQING, 2022, finance("乐清市财政局", "乐清市")
                + "今年新增公开财政直达资金分配和使用情况专栏。" + BOILERPLATE));
        out.add(report("c-2022", "永嘉县财政局", YONGJIA, 2022, finance("永嘉县财政局", "永嘉县")
                + "本局还在县政府门户网站开设了减税降费政策专栏。" + BOILERPLATE));
        String[] own = {"本局在农村集体三资管理方面公开了村级财务收支明细。", "本局着力推进义务教育招生入学政策的集中公开和解读。",
                "本局依托健康码平台公开了疫苗接种点和核酸检测点的信息。", "本局围绕河长制落实情况定期公开河道水质监测数据。"};
        String[] agencies = {"乐清市农业农村局", "乐清市教育局", "乐清市卫生健康局", "乐清市水利局"};
        for (int i = 0; i < own.length; i++) {
            out.add(report("u" + (i + 1) + "-2022", agencies[i], YUEQING, 2022, own[i] + BOILERPLATE));
        }
        return out;
    }
}
