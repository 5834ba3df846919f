package org.disclosuresearch.parse;

import org.disclosuresearch.parse.TemplateLayout.Row;
import org.disclosuresearch.parse.TemplateLayout.Table;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureEvidence;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
    /** Where a table 二 column header ends, so that a row label glued to it still starts a word. */
    private static final Pattern HEADER_END = Pattern.compile(
            String.join("|", TemplateLayout.TABLE2_COLUMN_ORDER.stream().map(Pattern::quote).toList()) + "|[)）]");
    private static final String TABLE2_HEADING = "二、主动公开政府信息情况";
    private static final String REVIEW_ANCHOR = "行政复议";
    private static final String SUIT_ANCHOR = "行政诉讼";
    /** 2019's 本年增/减 columns, the only cells that may print a minus sign. */
    static final String DELTA_SUFFIX = "_delta";

    /**
     * What one template's mapping found.
     *
     * @param derivedIds figures not printed but summed from printed sub-rows (2021's apps_other_*)
     */
    record Result(String template, Map<String, Number> figures, Map<String, FigureEvidence> evidence,
                  Set<String> derivedIds, List<String> notes) {
    }

    private final TemplateLayout layout;
    private final List<Segment> segments;
    private final List<String> notes = new ArrayList<>();
    private final List<Reading> readings = new ArrayList<>();
    /** Whether a row of this document printed fewer digits than cells (see {@link #weighVanishedBlanks}). */
    private boolean missingCellsSeen;
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

    static Result map(TemplateLayout layout, List<Segment> segments, NarrativeFigures narrative, Checks checks) {
        FigureMapper mapper = new FigureMapper(layout, segments);
        mapper.run();
        mapper.dropDerivedRowsPrintedBesideTheirParts();
        mapper.weighVanishedBlanks();
        ReadingResolver.Resolved resolved = new ReadingResolver(checks, narrative, mapper::withDerived)
                .resolve(mapper.readings);
        Map<String, Number> ordered = new LinkedHashMap<>(resolved.figures());
        Map<String, FigureEvidence> evidence = new LinkedHashMap<>(resolved.evidence());
        List<String> notes = new ArrayList<>(mapper.notes);
        notes.addAll(resolved.notes());
        int before = mapper.notes.size();
        Set<String> derivedIds = mapper.addDerived(ordered, evidence);
        notes.addAll(mapper.notes.subList(before, mapper.notes.size()));
        return new Result(layout.template(), FigureOrder.inCatalogueOrder(ordered), evidence, derivedIds,
                List.copyOf(notes));
    }

    /**
     * When a row of table 三 or 四 printed fewer digits than it has cells (a blank cell that left nothing: 予以公开
     * 0 0 0 0 0 0), blanks vanish in this document, and every cut row is weighed against the cuts with a vanished
     * blank: "250" for three cells is 2|5|0, or 25|0 with a blank lost. (A table 二 row is not evidence of its own
     * vanished blank: nothing could confirm it.)
     */
    private void weighVanishedBlanks() {
        if (!missingCellsSeen) {
            return;
        }
        readings.replaceAll(r -> r.split().anySplit() ? r.withSplit(CellSplitter.split(r.runs(), r.figures().size(),
                r.negativeAllowed(), r.identities(), true)) : r);
    }

    /**
     * 2021's （六）其他处理 is its sub-rows' sum (spec): a report that prints the sub-rows and a line of its own for the
     * group has that line read as nothing, so that a sub-row left absent cannot let the line stand in for the sum.
     */
    private void dropDerivedRowsPrintedBesideTheirParts() {
        for (TemplateLayout.DerivedRow derived : layout.derived()) {
            Set<String> partIds = new HashSet<>();
            derived.parts().forEach(p -> p.figures().forEach(f -> partIds.add(f.id())));
            boolean partsPrinted = readings.stream().anyMatch(r -> r.figures().stream().anyMatch(f -> partIds.contains(f.id())));
            if (partsPrinted) {
                readings.removeIf(r -> r.figures().equals(derived.figures()));
            }
        }
    }

    private Map<String, Number> withDerived(Map<String, Number> printed) {
        Map<String, Number> all = new HashMap<>(printed);
        addDerived(all, scratch);
        return all;
    }

    /** Evidence of trial sums while column identities are tried: thrown away, and their notes are not kept. */
    private final Map<String, FigureEvidence> scratch = new HashMap<>();

    private void run() {
        int heading = lastSegmentContaining(TABLE2_HEADING);
        int cursor = scanRows(layout.rows(Table.PUBLISHED), heading);
        if (readings.isEmpty() && heading > 0) {
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

    /**
     * Whether the segment's runs could give as many cells as the row has columns: no more runs than cells, and
     * enough digits to cut (or one value short, where a blank cell may have vanished).
     */
    private static boolean countFits(Segment segment, int expected) {
        int runs = segment.values().size();
        if (runs > expected || runs == 0) {
            return false;
        }
        int most = segment.values().stream().mapToInt(CellSplitter::mostCells).sum();
        return most >= expected || runs == expected - 1;
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
        // a one-line page glues the column header to the first row label: 现行有效件数规章000, (单位:万元)行政事业性收费
        Matcher header = HEADER_END.matcher(segment.label());
        while (header.find()) {
            allowed.set(header.end());
        }
        return allowed;
    }

    static int matchStart(String label, BitSet allowed, Row row) {
        int best = -1;
        for (String keyword : row.keywords()) {
            for (int at = label.lastIndexOf(keyword); at > best; at = at == 0 ? -1 : label.lastIndexOf(keyword, at - 1)) {
                if (allowed.get(at) && continues(row, keyword, label.substring(at + keyword.length()))) {
                    best = at;
                    break;
                }
            }
        }
        return best;
    }

    /** What may follow a row keyword before the values: nothing, the rest of its own label, or a bracketed note. */
    private static boolean continues(Row row, String keyword, String rest) {
        if (rest.isEmpty()) {
            return true;
        }
        if (row.fullLabel().startsWith(keyword + rest)) {
            return true;
        }
        if (row.fullLabel().startsWith(keyword) && isSubsequence(rest, row.fullLabel().substring(keyword.length()))) {
            return true; // a typo that drops characters: 其他法律行政止公开 for 其他法律行政法规禁止公开
        }
        char c = rest.charAt(0);
        return c == '(' || c == '、' || c == ',' || c == '“' || c == '"';
    }

    private static boolean isSubsequence(String part, String whole) {
        int at = 0;
        for (int i = 0; i < part.length(); i++) {
            at = whole.indexOf(part.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    private void readRow(Row row, Segment segment, int labelStart) {
        String rowName = row.fullLabel().isEmpty() ? row.label() : row.fullLabel();
        String header = segment.label().substring(0, labelStart);
        List<Integer> order = columnOrder(row, header);
        List<Figure> printed = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int i : order) {
            printed.add(row.figures().get(i));
            units.add(row.table() == Table.PUBLISHED ? unitText(header, row.columnKeywords().get(i)) : "");
        }
        read(rowName, printed, units, segment);
    }

    /** A row printed with fewer digits than it has cells: some cell left nothing in the text. */
    private static boolean fewerDigitsThanCells(Segment segment, int cells) {
        int most = segment.values().stream().mapToInt(CellSplitter::mostCells).sum();
        return !segment.values().isEmpty() && most < cells;
    }

    /**
     * Blank cells after a row's last value beyond its column count are the grid's padding (a table 二 row under a
     * wider header), not cells of the row.
     */
    private static Segment withoutTrailingPadding(Segment segment, int expected) {
        List<String> values = new ArrayList<>(segment.values());
        while (values.size() > expected && Segment.BLANK.equals(values.get(values.size() - 1))) {
            values.remove(values.size() - 1);
        }
        return values.size() == segment.values().size() ? segment
                : new Segment(segment.label(), segment.wordStarts(), values, segment.unit());
    }

    /** Cuts the segment's runs into the printed figures' cells and keeps the reading for {@link ReadingResolver}. */
    private void read(String rowName, List<Figure> printed, List<String> units, Segment printedSegment) {
        Segment segment = withoutTrailingPadding(printedSegment, printed.size());
        if (!RowIdentities.of(printed).isEmpty() && fewerDigitsThanCells(segment, printed.size())) {
            missingCellsSeen = true;
        }
        if (!countFits(segment, printed.size())) {
            notes.add(rowName + "：应有 " + printed.size() + " 个数，找到 " + String.join(" ", segment.values())
                    + "；本行未取");
            return;
        }
        boolean[] negativeAllowed = new boolean[printed.size()];
        for (int i = 0; i < printed.size(); i++) {
            negativeAllowed[i] = printed.get(i).id().endsWith(DELTA_SUFFIX);
        }
        List<CellSplitter.Identity> identities = RowIdentities.of(printed);
        CellSplitter.Result result = CellSplitter.split(segment.values(), printed.size(), negativeAllowed, identities,
                false);
        List<String> cellUnits = new ArrayList<>(units);
        if (!segment.unit().isEmpty()) {
            cellUnits.set(cellUnits.size() - 1, cellUnits.get(cellUnits.size() - 1) + segment.unit());
        }
        readings.add(new Reading(rowName, List.copyOf(printed), List.copyOf(cellUnits), segment.values(), identities,
                negativeAllowed, result));
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

    /** Table 四 printed as one row of 15 values under the 行政复议 / 行政诉讼 header (the templates' layout). */
    private boolean readWideReviewTable(int cursor) {
        List<Row> rows = layout.rows(Table.REVIEWS);
        int expected = rows.stream().mapToInt(r -> r.figures().size()).sum();
        for (int s = cursor; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            int anchor = segment.label().indexOf(REVIEW_ANCHOR);
            if (anchor < 0 || !segment.label().contains(SUIT_ANCHOR) || !countFits(segment, expected)) {
                continue;
            }
            List<Integer> order = reviewColumnOrder(rows.get(0), segment.label().substring(anchor));
            List<Figure> printed = new ArrayList<>();
            for (Row row : rows) {
                for (int c = 0; c < row.figures().size(); c++) {
                    printed.add(row.figures().get(order.get(c)));
                }
            }
            read("四、行政复议和行政诉讼", printed, printed.stream().map(f -> "").toList(), segment);
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

    /**
     * 2021's （六）其他处理 is the sum of its three sub-rows wherever all of them were read (spec); a report that prints
     * the row itself without sub-rows gets its printed values. Where both are printed and disagree, the sum wins and
     * the note says so.
     */
    private Set<String> addDerived(Map<String, Number> ordered, Map<String, FigureEvidence> evidence) {
        Set<String> derivedIds = new HashSet<>();
        List<String> disagreeing = new ArrayList<>();
        for (TemplateLayout.DerivedRow derived : layout.derived()) {
            for (int c = 0; c < derived.figures().size(); c++) {
                String id = derived.figures().get(c).id();
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
                    Number printed = ordered.put(id, sum);
                    if (printed != null && printed.longValue() != sum) {
                        disagreeing.add(id + " " + printed + "≠" + sum);
                    }
                    evidence.put(id, FigureEvidence.SUM_OF_SUB_ROWS);
                    derivedIds.add(id);
                }
            }
        }
        if (!disagreeing.isEmpty() && evidence != scratch) {
            notes.add("（六）其他处理：印出的合计与三个子行之和不一致（" + String.join("，", disagreeing) + "），取子行之和");
        }
        return derivedIds;
    }
}
