package org.disclosuresearch.parse;

import org.disclosuresearch.parse.TemplateLayout.Row;
import org.disclosuresearch.parse.TemplateLayout.Table;
import org.disclosuresearch.report.Figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures of one template's three tables from the segments of a report, by row and column labels:
 * rows are looked for in template order, each at the segment whose label ends with it; column order comes from
 * the column header where the text keeps it. A row the report does not print stays absent; a row whose values
 * cannot be read with certainty stays absent and gets a note.
 */
final class FigureMapper {

    private static final Pattern NUMBERING = Pattern.compile(
            "[(][一二三四五六七八九十\\d]+[)]|[一二三四五六七八九十]+、|\\d+[.、．]");
    private static final String TABLE2_HEADING = "二、主动公开政府信息情况";
    private static final String REVIEW_ANCHOR = "行政复议";
    private static final String SUIT_ANCHOR = "行政诉讼";
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** What one template's mapping found. */
    record Result(String template, Map<String, Number> figures, List<String> notes) {
    }

    private final TemplateLayout layout;
    private final List<Segment> segments;
    private final Map<String, Number> figures = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<Integer>> groupOrder = new HashMap<>();
    /** bestMatch per segment, computed once: the scan asks for the same segments row after row. */
    private final Match[] matches;
    private final boolean[] matched;

    private FigureMapper(TemplateLayout layout, List<Segment> segments) {
        this.layout = layout;
        this.segments = segments;
        this.matches = new Match[segments.size()];
        this.matched = new boolean[segments.size()];
    }

    static Result map(TemplateLayout layout, List<Segment> segments) {
        FigureMapper mapper = new FigureMapper(layout, segments);
        mapper.run();
        Map<String, Number> ordered = new LinkedHashMap<>();
        for (Row row : layout.rows()) {
            row.figures().forEach(f -> {
                if (mapper.figures.containsKey(f.id())) {
                    ordered.put(f.id(), mapper.figures.get(f.id()));
                }
            });
        }
        mapper.addDerived(ordered);
        return new Result(layout.template(), FigureOrder.inCatalogueOrder(ordered), List.copyOf(mapper.notes));
    }

    private void run() {
        int heading = lastSegmentContaining(TABLE2_HEADING);
        int cursor = scanRows(layout.rows(Table.PUBLISHED), heading);
        if (figures.isEmpty() && heading > 0) {
            // the heading was repeated after the table (a contents line, a quote): read from the top instead
            notes.clear();
            cursor = scanRows(layout.rows(Table.PUBLISHED), 0);
        }
        cursor = scanRows(layout.rows(Table.APPLICATIONS), cursor);
        if (!readWideReviewTable(cursor)) {
            scanRows(layout.rows(Table.REVIEWS), cursor);
        }
    }

    private int lastSegmentContaining(String heading) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).label().contains(heading)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Finds each row in order; stops looking for a row at the first segment that belongs to a later row. A segment
     * with the row's label but the wrong number of values (a narrative mention, a page number caught in the row) is
     * passed over while a printing with the right number may follow; if none does, the row is left out with a note.
     */
    private int scanRows(List<Row> rows, int cursor) {
        for (Row row : rows) {
            int index = layout.indexOf(row);
            int wrongCount = -1;
            int wrongStart = -1;
            boolean found = false;
            for (int s = cursor; s < segments.size(); s++) {
                Match match = matchOf(s);
                if (match == null || layout.indexOf(match.row()) < index) {
                    continue;
                }
                if (match.row() != row) {
                    break;
                }
                Segment segment = segments.get(s);
                if (countFits(segment, row.figures().size())) {
                    readRow(row, segment, match.start());
                    cursor = s + 1;
                    found = true;
                    break;
                }
                if (wrongCount < 0) {
                    wrongCount = s;
                    wrongStart = match.start();
                }
            }
            if (!found && wrongCount >= 0) {
                readRow(row, segments.get(wrongCount), wrongStart); // notes why the row is left out
                cursor = wrongCount + 1;
            }
        }
        return cursor;
    }

    /** Whether the segment holds as many values as the row has columns (a glued run may still hold several). */
    private static boolean countFits(Segment segment, int expected) {
        return segment.gluedDigits() == null ? segment.values().size() == expected
                : segment.values().size() < expected;
    }

    private record Match(Row row, int start) {
    }

    private Match matchOf(int s) {
        if (!matched[s]) {
            matches[s] = bestMatch(segments.get(s));
            matched[s] = true;
        }
        return matches[s];
    }

    /** The row whose label ends this segment's label: the latest acceptable occurrence of any row keyword. */
    private Match bestMatch(Segment segment) {
        if (segment.valueCount() == 0) {
            return null;
        }
        BitSet allowed = allowedStarts(segment);
        Match best = null;
        for (Row row : layout.rows()) {
            int start = matchStart(segment.label(), allowed, row);
            if (start < 0) {
                continue;
            }
            if (best == null || start > best.start()
                    || (start == best.start() && row.keyword().length() > best.row().keyword().length())) {
                best = new Match(row, start);
            }
        }
        return best;
    }

    /** Where a row label may begin: at a word (or line) start, or right after a numbering such as (一) 1. 三、 */
    static BitSet allowedStarts(Segment segment) {
        BitSet allowed = new BitSet(segment.label().length() + 1);
        segment.wordStarts().forEach(allowed::set);
        Matcher numbering = NUMBERING.matcher(segment.label());
        while (numbering.find()) {
            allowed.set(numbering.end());
        }
        return allowed;
    }

    static int matchStart(String label, BitSet allowed, Row row) {
        String keyword = row.keyword();
        for (int at = label.lastIndexOf(keyword); at >= 0; at = at == 0 ? -1 : label.lastIndexOf(keyword, at - 1)) {
            if (allowed.get(at) && continues(row, label.substring(at + keyword.length()))) {
                return at;
            }
        }
        return -1;
    }

    /** What may follow a row keyword before the values: nothing, the rest of its own label, or a bracketed note. */
    private static boolean continues(Row row, String rest) {
        if (rest.isEmpty()) {
            return true;
        }
        if (row.fullLabel().startsWith(row.keyword() + rest)) {
            return true;
        }
        char c = rest.charAt(0);
        return c == '(' || c == '、' || c == ',' || c == '“' || c == '"';
    }

    private void readRow(Row row, Segment segment, int labelStart) {
        String rowName = row.fullLabel().isEmpty() ? row.label() : row.fullLabel();
        List<String> values = resolveValues(segment, row.figures().size(), rowName);
        if (values == null) {
            return;
        }
        String header = segment.label().substring(0, labelStart);
        List<Integer> order = columnOrder(row, header);
        for (int i = 0; i < values.size(); i++) {
            Figure figure = row.figures().get(order.get(i));
            String unitText = row.table() == Table.PUBLISHED ? unitText(header, row.columnKeywords().get(order.get(i)))
                    : "";
            Number value = toNumber(values.get(i), figure, unitText, rowName);
            if (value != null) {
                figures.put(figure.id(), value);
            }
        }
    }

    /** Table 二 columns in the order its header prints them, kept for the rows below that header. */
    private List<Integer> columnOrder(Row row, String header) {
        List<String> columns = row.columnKeywords();
        List<Integer> defaultOrder = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            defaultOrder.add(i);
        }
        if (row.table() != Table.PUBLISHED || columns.size() < 2) {
            return defaultOrder;
        }
        List<Integer> positions = new ArrayList<>();
        for (String column : columns) {
            positions.add(header.lastIndexOf(column));
        }
        if (positions.stream().allMatch(p -> p >= 0)) {
            List<Integer> order = new ArrayList<>(defaultOrder);
            order.sort(Comparator.comparingInt(positions::get));
            groupOrder.put(row.group(), order);
            return order;
        }
        return groupOrder.getOrDefault(row.group(), defaultOrder);
    }

    /** The header text from a column label to the next known column label: where its unit (元/万元) is given. */
    private static String unitText(String header, String column) {
        int at = header.lastIndexOf(column);
        if (at < 0) {
            return "";
        }
        int end = header.length();
        for (String other : TemplateLayout.TABLE2_COLUMN_ORDER) {
            int o = header.indexOf(other, at + column.length());
            if (o >= 0) {
                end = Math.min(end, o);
            }
        }
        return header.substring(at + column.length(), end);
    }

    /**
     * The row's values as printed, or null (with a note) when their number is wrong or a glued digit run cannot
     * be split with certainty. A glued run is split only when exactly one split gives the missing count of
     * numbers without leading zeros (000 → 0 0 0; 8855698 into three has many splits, so it stays unread).
     */
    private List<String> resolveValues(Segment segment, int expected, String rowName) {
        List<String> values = new ArrayList<>();
        String glued = segment.gluedDigits();
        if (glued != null) {
            int parts = expected - segment.values().size();
            List<List<String>> splits = parts < 1 ? List.of() : DigitSplitter.splits(glued, parts, 2);
            if (splits.size() != 1) {
                notes.add(rowName + "：数字连在一起（" + glued + " " + String.join(" ", segment.values())
                        + "），无法确定地分成 " + expected + " 个数；本行未取");
                return null;
            }
            values.addAll(splits.get(0));
        }
        values.addAll(segment.values());
        if (values.size() != expected) {
            notes.add(rowName + "：应有 " + expected + " 个数，找到 " + values.size()
                    + " 个（" + String.join(" ", values) + "）；本行未取");
            return null;
        }
        return values;
    }

    private Number toNumber(String printed, Figure figure, String unitText, String rowName) {
        String plain = printed.replace(",", "").replace('\u2212', '-');
        if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        BigDecimal value = new BigDecimal(plain);
        if (figure.isDecimal()) {
            boolean inYuan = unitText.contains("元") && !unitText.contains("万元");
            BigDecimal wan = inYuan ? value.divide(TEN_THOUSAND) : value;
            wan = wan.stripTrailingZeros();
            return wan.scale() < 0 ? wan.setScale(0) : wan;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            notes.add(rowName + "：" + printed + " 不是整数；未取");
            return null;
        }
    }

    /** Table 四 printed as one row of 15 values under the 行政复议 / 行政诉讼 header (the templates' layout). */
    private boolean readWideReviewTable(int cursor) {
        List<Row> rows = layout.rows(Table.REVIEWS);
        int expected = rows.stream().mapToInt(r -> r.figures().size()).sum();
        for (int s = cursor; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            int anchor = segment.label().indexOf(REVIEW_ANCHOR);
            if (anchor < 0 || !segment.label().contains(SUIT_ANCHOR) || segment.valueCount() <= rows.get(0).figures().size()) {
                continue;
            }
            List<String> values = resolveValues(segment, expected, "四、行政复议和行政诉讼");
            if (values == null) {
                return true;
            }
            List<Integer> order = reviewColumnOrder(rows.get(0), segment.label().substring(anchor));
            int i = 0;
            for (Row row : rows) {
                for (int c = 0; c < row.figures().size(); c++) {
                    Figure figure = row.figures().get(order.get(c));
                    Number value = toNumber(values.get(i++), figure, "", row.label());
                    if (value != null) {
                        figures.put(figure.id(), value);
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static List<Integer> reviewColumnOrder(Row row, String header) {
        List<String> columns = row.columnKeywords();
        List<Integer> order = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            order.add(i);
            positions.add(header.indexOf(columns.get(i)));
        }
        if (positions.stream().allMatch(p -> p >= 0)) {
            order.sort(Comparator.comparingInt(positions::get));
        }
        return order;
    }

    /** 2021's （六）其他处理 is the sum of its three sub-rows, when all of them were printed. */
    private void addDerived(Map<String, Number> ordered) {
        for (TemplateLayout.DerivedRow derived : layout.derived()) {
            for (int c = 0; c < derived.figures().size(); c++) {
                long sum = 0;
                boolean complete = true;
                for (Row part : derived.parts()) {
                    Number n = part.figures().size() > c ? ordered.get(part.figures().get(c).id()) : null;
                    if (n == null) {
                        complete = false;
                        break;
                    }
                    sum += n.longValue();
                }
                if (complete) {
                    ordered.put(derived.figures().get(c).id(), sum);
                }
            }
        }
    }
}
