package org.disclosuresearch.api;

import org.disclosuresearch.report.Csv;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes reports as CSV rows: the metadata columns, then the chosen figures. UTF-8 with a byte-order mark so that
 * Excel reads the Chinese correctly; a figure the report does not print stays empty (never 0).
 */
final class CsvExport {
    private static final List<String> METADATA = List.of("id", "agency", "year", "published", "template", "province",
            "city", "county", "agencyType", "failedChecks", "format", "url");

    private final Writer out;
    private final List<String> figureIds;
    private long rows;

    CsvExport(Writer out, List<String> figureIds) {
        this.out = out;
        this.figureIds = figureIds;
    }

    void writeHeader() {
        out('\uFEFF');
        List<String> header = new ArrayList<>(METADATA);
        header.addAll(figureIds);
        writeRow(header);
    }

    void write(Report r) {
        SourceInfo source = r.source();
        List<String> row = new ArrayList<>(List.of(
                nz(r.id()), nz(r.agency()), r.year() == null ? "" : r.year().toString(), nz(r.published()),
                nz(r.template()), nz(r.region().province()), nz(r.region().city()), nz(r.region().county()),
                nz(r.agencyType()), String.join(" ", r.failedChecks()),
                source == null ? "" : nz(source.format()), source == null ? "" : nz(source.url())));
        for (String id : figureIds) {
            Number n = r.figures().get(id);
            row.add(n == null ? "" : n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        }
        writeRow(row);
        rows++;
    }

    /** Report rows written so far (the header not counted). */
    long rows() {
        return rows;
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
