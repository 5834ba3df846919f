package org.disclosuresearch.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Builds report {@code i} of a seeded synthetic corpus. Each report depends only on (seed, i), so that two runs build
 * the same corpus, a corpus can be extended or resumed, and reports can be built in parallel.
 *
 * <p>Agencies repeat over the years as in reality: reports {@code 7k … 7k+6} are one agency's reports for 2019–2025.
 * Reports for 2019 and 2020 use the 2019 template, later ones the 2021 template. A share of the reports (20% by
 * default) are portal pages as a crawler saved them ({@link TableLayout#CRAWLED}: header lines, then the whole page in
 * one line with the tables' cells glued); of the others, half look like PDF text (hard-wrapped lines, space-separated
 * table rows), half like DOCX text (paragraph lines, one table cell per line); a few space out every character of
 * some paragraphs (seed 003).
 */
public final class SyntheticReportGenerator {

    static final int FIRST_YEAR = 2019;
    static final int YEARS = 7;
    private static final int MIN_BYTES = 5 * 1024;
    private static final int MAX_BYTES = 30 * 1024;
    private static final int MEDIAN_BYTES = 10 * 1024;
    private static final int PDF_LINE = 30;
    /** Narrative sections and their share of the narrative, in report order. */
    private static final String[] SECTIONS = {"overview", "active", "request", "manage", "platform", "supervise",
            "problems", "other"};
    private static final double[] SECTION_SHARE = {0.2, 0.24, 0.14, 0.1, 0.1, 0.08, 0.12, 0.02};
    private static final String[] SUBHEADINGS = {null, "（一）主动公开情况。", "（二）依申请公开情况。",
            "（三）政府信息管理情况。", "（四）平台建设情况。", "（五）监督保障情况。", null, null};

    /**
     * Crawled portal pages in the synthetic corpus: a fifth, about their share among the reports researchers collect
     * from portals (issue 11), so that the split search of glued cells is timed at scale.
     */
    public static final double DEFAULT_CRAWLED_SHARE = 0.2;

    private final long seed;
    private final NarrativeVocabulary vocabulary = NarrativeVocabulary.load();
    private final AgencyPool agencies = AgencyPool.load();
    private final FigureSampler figureSampler = new FigureSampler();
    private final TableWriter tableWriter = new TableWriter();
    private final double crawledShare;
    private final Repetition repetition;
    private final ClauseVariation variation;

    public SyntheticReportGenerator(long seed) {
        this(seed, DEFAULT_CRAWLED_SHARE);
    }

    /** @param crawledShare the share of reports written as crawled portal pages, 0 to 1 */
    public SyntheticReportGenerator(long seed, double crawledShare) {
        this(seed, crawledShare, Repetition.REALISTIC);
    }

    /**
     * @param crawledShare the share of reports written as crawled portal pages, 0 to 1
     * @param repetition   how often narrative clauses repeat; {@link Repetition#TEMPLATES} gives the corpus of
     *                     generator version 2 byte for byte (clause variation draws from its own random stream)
     */
    public SyntheticReportGenerator(long seed, double crawledShare, Repetition repetition) {
        if (!(crawledShare >= 0 && crawledShare <= 1)) {
            throw new IllegalArgumentException("crawled share must be between 0 and 1, got " + crawledShare);
        }
        this.seed = seed;
        this.crawledShare = crawledShare;
        this.repetition = repetition;
        this.variation = new ClauseVariation(vocabulary.plainWords(), repetition.varyShare);
    }

    public Repetition repetition() {
        return repetition;
    }

    public static String idOf(long index) {
        return String.format("r%07d", index);
    }

    public SyntheticReport generate(long index) {
        Agency agency = agencies.draw(new Random(mix(seed, index / YEARS, 1)));
        Random random = new Random(mix(seed, index, 2));
        Random varying = new Random(mix(seed, index, 3));
        int year = FIRST_YEAR + (int) (index % YEARS);
        String template = year >= 2021 ? "2021" : "2019";
        TableLayout layout = random.nextDouble() < crawledShare ? TableLayout.CRAWLED
                : random.nextBoolean() ? TableLayout.SPACED : TableLayout.CELLS;
        boolean pdf = layout == TableLayout.SPACED;
        boolean crawled = layout == TableLayout.CRAWLED;
        boolean spacedOut = !crawled && random.nextDouble() < 0.08;
        FigureSampler.Sample figures = figureSampler.sample(template, random);
        String tables = tableWriter.write(template, layout, figures.figures(), crawled ? TableWriter.Glue.of(random) : null);
        int month = 1 + random.nextInt(3);
        int day = 1 + random.nextInt(28);
        String published = String.format("%d-%02d-%02d", year + 1, month, day);
        Function<String, String> context = slot -> switch (slot) {
            case "agency" -> agency.name();
            case "year" -> Integer.toString(year);
            case "next" -> Integer.toString(year + 1);
            case "place" -> agency.place();
            case "n" -> Long.toString(10 + FigureSampler.skewed(random, 0, 300));
            case "m" -> Integer.toString(1 + random.nextInt(random.nextBoolean() ? 9 : 60));
            case "p" -> Integer.toString(10 + random.nextInt(890));
            case "tel" -> Integer.toString(2_000_000 + random.nextInt(7_000_000));
            case "zip" -> String.format("%06d", 100_000 + random.nextInt(800_000));
            default -> null;
        };

        List<String> planted = new ArrayList<>();
        List<String> plantedSentences = new ArrayList<>();
        for (PlantedPhrase p : PlantedPhrase.ALL) {
            if (random.nextDouble() < p.rate()) {
                planted.add(p.phrase());
                String sentence = PlantedPhrase.SENTENCES.get(random.nextInt(PlantedPhrase.SENTENCES.size()));
                plantedSentences.add(vocabulary.fill(sentence.replace("{phrase}", p.phrase()), random, context));
            }
        }

        StringBuilder text = new StringBuilder(MAX_BYTES / 2);
        String title = vocabulary.new SectionSentences("title", random, context).next();
        if (random.nextBoolean()) {
            text.append(title).append("\n\n");
        } else {
            int split = agency.name().length();
            text.append(title, 0, split).append("\n").append(title.substring(split)).append("\n\n");
        }
        for (String sentence : vocabulary.section("preamble")) {
            if (random.nextDouble() < 0.7) {
                paragraph(text, List.of(vocabulary.fill(sentence, random, context)), pdf, false);
            }
        }
        int narrativeBytes = Math.max(MIN_BYTES / 2, targetBytes(random) - utf8Length(tables) - utf8Length(text));
        for (int s = 0; s < SECTIONS.length; s++) {
            if (s == 0) {
                text.append("一、总体情况\n\n");
            } else if (SECTIONS[s].equals("problems")) {
                text.append(tables).append("五、存在的主要问题及改进情况\n\n");
            } else if (SECTIONS[s].equals("other")) {
                text.append("六、其他需要报告的事项\n\n");
            }
            if (SUBHEADINGS[s] != null) {
                text.append(SUBHEADINGS[s]).append("\n");
            }
            long budget = Math.round(narrativeBytes * SECTION_SHARE[s]);
            NarrativeVocabulary.SectionSentences sentences = vocabulary.new SectionSentences(SECTIONS[s], random, context);
            List<String> paragraph = new ArrayList<>();
            int written = 0;
            int paragraphLength = 2 + random.nextInt(3);
            while (written < budget) {
                String sentence = !plantedSentences.isEmpty() && random.nextDouble() < 0.3
                        ? plantedSentences.remove(plantedSentences.size() - 1)
                        : variation.vary(sentences.next(), varying);
                paragraph.add(sentence);
                written += utf8Length(sentence);
                if (paragraph.size() >= paragraphLength) {
                    paragraph(text, paragraph, pdf, spacedOut && s == 0);
                    paragraph.clear();
                    paragraphLength = 2 + random.nextInt(3);
                }
            }
            if (s == SECTIONS.length - 1) {
                paragraph.addAll(plantedSentences); // whatever was not placed yet still goes in
                plantedSentences.clear();
            }
            if (!paragraph.isEmpty()) {
                paragraph(text, paragraph, pdf, spacedOut && s == 0);
            }
        }
        text.append(agency.name()).append("\n\n");
        text.append(pdf ? String.format("%d 年 %d月 %d日", year + 1, month, day)
                : String.format("%d年%d月%d日", year + 1, month, day)).append('\n');
        String page = crawled ? crawledPage(index, title, agency.name(), year + 1, month, day, text, random) : text.toString();
        return new SyntheticReport(idOf(index), agency.name(), year, published, template, layout, agency.region(),
                agency.type(), figures.figures(), figures.failedChecks(), List.copyOf(planted), page);
    }

    /**
     * The report as a crawler saves a portal page (the real pingtan pages): its header lines (标题, 发布时间 a few days
     * after the report's date, 原文链接 …), the 正文 marker, then the page's text in one line — the site's navigation,
     * the report with its line breaks gone (now and then a space instead), the page's footer links.
     */
    private static String crawledPage(long index, String title, String agency, int year, int month, int day,
                                      CharSequence report, Random random) {
        String site = "https://www.site" + (index / YEARS) % 997 + ".gov.cn/zwgk/zfxxgk/zfxxgknb/";
        StringBuilder page = new StringBuilder(report.length() + 1024);
        page.append("标题: ").append(title).append('\n')
                .append("发布时间: ").append(LocalDate.of(year, month, day).plusDays(random.nextInt(4)))
                .append(String.format(" %02d:%02d\n", 8 + random.nextInt(10), random.nextInt(60)))
                .append("文号: \n")
                .append("发布机构: ").append(random.nextBoolean() ? agency : "").append('\n')
                .append("栏目: 政府信息公开年报\n")
                .append(String.format("原文链接: %s%d%02d/t%d%02d%02d_%d.htm\n", site, year, month, year, month, day,
                        80_000 + index % 20_000))
                .append("页面链接与图片详见 links.tsv(同目录)\n")
                .append("==================== 正文 ====================\n");
        page.append("首页 > 政务公开 > 政府信息公开 > 政府信息公开年报 ");
        for (String line : report.toString().split("\n+")) {
            page.append(line).append(random.nextDouble() < 0.1 ? " " : "");
        }
        page.append(" 【打印本页】【关闭窗口】\n");
        return page.toString();
    }

    /** A paragraph as extraction leaves it: PDF text hard-wraps lines, some extractors space out every character. */
    private static void paragraph(StringBuilder out, List<String> sentences, boolean pdf, boolean spacedOut) {
        String p = String.join("", sentences);
        if (spacedOut) {
            StringBuilder spaced = new StringBuilder(p.length() * 2);
            for (int i = 0; i < p.length(); i++) {
                spaced.append(p.charAt(i));
                spaced.append(i % 26 == 25 ? '\n' : ' ');
            }
            out.append(spaced.toString().strip()).append("\n\n");
        } else if (pdf) {
            for (int i = 0; i < p.length(); i += PDF_LINE) {
                out.append(p, i, Math.min(p.length(), i + PDF_LINE)).append("\n\n");
            }
        } else {
            out.append(p).append('\n');
        }
    }

    /** Log-normal around 10 KB, clamped to 5–30 KB. */
    private static int targetBytes(Random random) {
        double bytes = MEDIAN_BYTES * Math.exp(0.45 * random.nextGaussian());
        return (int) Math.max(MIN_BYTES, Math.min(MAX_BYTES, bytes));
    }

    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** A well-spread 64-bit seed from (corpus seed, index, stream) (SplitMix64 finalizer). */
    static long mix(long seed, long index, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
