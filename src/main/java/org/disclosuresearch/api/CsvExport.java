package org.disclosuresearch.api;

import org.disclosuresearch.parse.CheckExplanations;
import org.disclosuresearch.report.Csv;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.FigureEvidence;
import org.disclosuresearch.report.FigureLabels;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes reports as CSV rows: the metadata columns, then the chosen figures. UTF-8 with a byte-order mark so that
 * Excel reads the Chinese correctly; a figure the report does not print stays empty (never 0). Headers are the
 * template's Chinese names ({@code 表三·本年新收政府信息公开申请数量·总计}) and failed checks are sentences, unless
 * {@link Options#idHeaders()} asks for machine ids (then failed checks are ids too, so that scripts keep working).
 * The API's {@code /api/export.csv} and the {@code export} command both write through {@link #write}.
 */
public final class CsvExport {
    private static final List<String> METADATA = List.of("id", "agency", "agencyKey", "year", "published", "template", "province",
            "city", "county", "agencyType", "failedChecks", "format", "url");
    private static final List<String> METADATA_ZH = List.of("报告编号", "机构", "机构标识", "年度", "发布日期", "模板", "省份",
            "城市", "区县", "机构类型", "未通过的校验", "文件格式", "原文地址");
    private static final String EVIDENCE_ID_SUFFIX = "_read";
    private static final String EVIDENCE_ZH_SUFFIX = "·读取方式";

    /**
     * @param columns   figure ids, in order
     * @param idHeaders machine ids as headers (and check ids) instead of Chinese
     * @param evidence  after each figure, a column saying how it was read (单元格 / 空白记0 / 拆分连写数字 / 依正文 / 子行相加)
     */
    public record Options(List<String> columns, boolean idHeaders, boolean evidence) {
        public Options {
            columns = List.copyOf(columns);
        }

        public static Options allFigures() {
            return new Options(List.copyOf(FigureCatalog.get().ids()), false, false);
        }
    }

    private final Writer out;
    private final Options options;
    private final CheckExplanations explanations = new CheckExplanations();
    private long rows;

    public CsvExport(Writer out, Options options) {
        this.out = out;
        this.options = options;
    }

    /** The header and every report the request matches (no page cap), in its order; {@link #rows} counts them. */
    public void writeAll(SearchBackend backend, SearchRequest request) {
        writeHeader();
        backend.export(request, this::write);
    }

    /** "disclosure-search_依申请公开_2026-12-02.csv": the query's letters and digits (others become _) and the date. */
    public static String fileName(String query, LocalDate date) {
        String words = query == null ? "" : query.strip().replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_+|_+$", "");
        if (words.codePointCount(0, words.length()) > 40) {
            words = words.substring(0, words.offsetByCodePoints(0, 40));
        }
        return "disclosure-search" + (words.isEmpty() ? "" : "_" + words) + "_" + date + ".csv";
    }

    void writeHeader() {
        out('\uFEFF');
        List<String> header = new ArrayList<>(options.idHeaders() ? METADATA : METADATA_ZH);
        for (String id : options.columns()) {
            String name = options.idHeaders() ? id : FigureLabels.qualified(FigureCatalog.get().require(id));
            header.add(name);
            if (options.evidence()) {
                header.add(name + (options.idHeaders() ? EVIDENCE_ID_SUFFIX : EVIDENCE_ZH_SUFFIX));
            }
        }
        writeRow(header);
    }

    void write(Report r) {
        SourceInfo source = r.source();
        String checks = options.idHeaders() ? String.join(" ", r.failedChecks()) : explanations.sentences(r);
        List<String> row = new ArrayList<>(List.of(
                nz(r.id()), nz(r.agency()), nz(r.agencyKey()), r.year() == null ? "" : r.year().toString(), nz(r.published()),
                nz(r.template()), nz(r.region().province()), nz(r.region().city()), nz(r.region().county()),
                nz(r.agencyType()), checks,
                source == null ? "" : nz(source.format()), source == null ? "" : nz(source.url())));
        for (String id : options.columns()) {
            Number n = r.figureOrDerived(id);
            row.add(n == null ? "" : n instanceof BigDecimal d ? d.toPlainString() : n.toString());
            if (options.evidence()) {
                row.add(howRead(r.evidenceOf(id)));
            }
        }
        writeRow(row);
        rows++;
    }

    /** Report rows written so far (the header not counted). */
    long rows() {
        return rows;
    }

    /** How a figure was read, in the words a researcher cites; empty for a figure not printed. */
    static String howRead(FigureEvidence evidence) {
        if (evidence == null) {
            return "";
        }
        return switch (evidence.method()) {
            case CELL -> "单元格";
            case BLANK -> "空白记0";
            case SPLIT -> "拆分连写数字";
            case NARRATIVE -> "依正文";
            case SUM -> "子行相加";
        };
    }

    private void writeRow(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(Csv.quote(defuseFormula(cells.get(i))));
        }
        line.append("\r\n");
        out(line);
    }

    /**
     * Report text is untrusted: a cell starting with = + - @ would run as a formula in a spreadsheet, and one starting
     * with a tab or carriage return can too once the spreadsheet trims it (OWASP's CSV injection list).
     */
    private static String defuseFormula(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell)) {
            return "'" + cell;
        }
        return cell;
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void out(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void out(char c) {
        out(String.valueOf(c));
    }
}
