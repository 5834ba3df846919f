package org.disclosuresearch.parse;

import org.disclosuresearch.ingest.Block;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.ingest.SourceDocument;
import org.disclosuresearch.ingest.TableBlock;
import org.disclosuresearch.ingest.TextBlock;
import org.disclosuresearch.report.FigureEvidence;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link SourceDocument} (text and table blocks) into a {@link Report}: metadata, the figures of the
 * three tables read by their labels (tables and running text go through the same mapping), the failed checks
 * and a note on anything a reader should know. The returned report carries its normalized text.
 */
public final class ReportParser {

    /** A disclosure report says so: without this phrase a document is something else. */
    private static final String REPORT_SIGN = "政府信息公开";
    private static final List<String> ANNUAL_SIGNS = List.of("年度报告", "年报", "工作报告");
    /** Notes are read on the Chinese page and by Chinese-reading scripts: they are written in Chinese. */
    static final String NO_TABLES = "文中未找到统计表：有三张表的标题，却没有表格的行和数字（表格可能以图片发布，或在提取时丢失）；"
            + "数字留空";
    static final String NO_TABLE_HEADINGS = "文中未找到统计表：连三张表的标题也没有；数字留空";
    static final String NO_BODY = "页面只有标题和零星文字，没有报告正文（抓取时正文缺失）；数字留空";
    /** Headings of the three tables: with them and no rows, the tables were there and their content was lost. */
    private static final List<String> TABLE_HEADINGS = List.of("主动公开政府信息情况", "收到和处理政府信息公开申请情况",
            "行政复议");

    private final RegionResolver regions;
    private final AgencyTypeClassifier agencyTypes;
    private final Checks checks;

    public ReportParser(RegionResolver regions, AgencyTypeClassifier agencyTypes, Checks checks) {
        this.regions = regions;
        this.agencyTypes = agencyTypes;
        this.checks = checks;
    }

    public ReportParser() {
        this(RegionResolver.get(), new AgencyTypeClassifier(), new Checks());
    }

    public Report parse(SourceDocument doc) throws DocumentProblem {
        String printed = render(doc.blocks(), false);
        String text = Normalizer.normalize(printed);
        CrawlerHeader header = CrawlerHeader.of(printed);
        String mappingText = render(doc.blocks(), true);
        if (!text.contains(REPORT_SIGN) || ANNUAL_SIGNS.stream().noneMatch(text::contains)) {
            throw new DocumentProblem(doc.path(), DocumentProblem.Kind.NOT_A_REPORT,
                    "no sign of a 政府信息公开工作年度报告: neither the title nor the text names one");
        }
        List<Segment> segments = Segmenter.segments(mappingText);
        FigureMapper.Result chosen = chooseTemplate(text, segments, NarrativeFigures.of(text));

        List<String> notes = new ArrayList<>();
        String template = null;
        Map<String, Number> figures = Map.of();
        Map<String, FigureEvidence> evidence = Map.of();
        List<String> failed = List.of();
        if (chosen == null || chosen.figures().isEmpty()) {
            notes.add(header.bodyMissing() ? NO_BODY
                    : TABLE_HEADINGS.stream().anyMatch(text::contains) ? NO_TABLES : NO_TABLE_HEADINGS);
            if (chosen != null) {
                notes.addAll(chosen.notes());
            }
        } else {
            template = chosen.template();
            figures = chosen.figures();
            evidence = chosen.evidence();
            notes.addAll(chosen.notes());
            failed = checks.failed(figures, chosen.derivedIds());
        }

        MetadataExtractor.Metadata meta = MetadataExtractor.extract(text, header);
        if (meta.agency() == null) {
            notes.add("标题中未找到机关名称");
        }
        Region region = regions.resolve(meta.agency(), text);
        SourceInfo source = new SourceInfo(doc.relativePath(), doc.format(), doc.size(), doc.sha256(),
                doc.provenance().url() != null ? doc.provenance().url() : header.url(), doc.provenance().fetched());
        return Report.builder()
                .id(doc.id())
                .file(doc.fileName())
                .agency(meta.agency())
                .year(meta.year())
                .published(meta.published())
                .template(template)
                .region(region)
                .agencyType(agencyTypes.classify(meta.agency()))
                .figures(figures)
                .figureEvidence(evidence)
                .failedChecks(failed)
                .note(notes.isEmpty() ? null : String.join("；", notes))
                .source(source)
                .text(text)
                .printedText(printed)
                .build();
    }

    /**
     * The template whose own column labels the text shows (2021: 本年制发件数 …; 2019: 本年新制作数量 …); without
     * such evidence, the one whose mapping read more figures. Null when no template read anything.
     */
    private FigureMapper.Result chooseTemplate(String normalized, List<Segment> segments, NarrativeFigures narrative) {
        FigureMapper.Result best = null;
        long bestEvidence = -1;
        for (String template : TemplateLayout.templates()) {
            TemplateLayout layout = TemplateLayout.of(template);
            FigureMapper.Result result = FigureMapper.map(layout, segments, narrative, checks);
            long evidence = layout.ownColumnKeywords().stream().filter(normalized::contains).count();
            if (best == null || evidence > bestEvidence
                    || (evidence == bestEvidence && result.figures().size() > best.figures().size())) {
                best = result;
                bestEvidence = evidence;
            }
        }
        return best;
    }

    /** All blocks in reading order; tables row by row so that their labels are searchable. */
    private static String render(List<Block> blocks, boolean blankCellsAsZero) {
        StringBuilder sb = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof TextBlock t) {
                sb.append(t.text());
            } else if (block instanceof TableBlock table) {
                sb.append(TableText.render(table, blankCellsAsZero));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
