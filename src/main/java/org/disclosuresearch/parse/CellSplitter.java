package org.disclosuresearch.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ways the printed runs of one row can be cut into its cells, as the spec's rules allow: every cell a number
 * without a leading zero ("0" itself allowed), a printed space (a run boundary) always a cell boundary, a minus
 * sign only at the start of a cell that may be negative (2019's 本年增/减), and every row identity (parts sum to
 * their 总计) holding. The search is bounded: a run too long to enumerate gives up instead of exploding.
 * <p>
 * A row of table 三 or 四 printed with one value too few (a blank cell that vanished from space-separated text) is
 * also considered, with the blank at each possible place; the row is only determined when every placement gives
 * the same values. A table 二 row has no identity to confirm that, so it is not.
 */
final class CellSplitter {

    /** The most recursion steps one row may take: a 40-digit run into 7 cells must not take seconds. */
    static final int STEP_BUDGET = 200_000;
    /** Candidates kept: enough to know a row is ambiguous and to list a few in the note. */
    static final int MAX_CANDIDATES = 64;
    /** No figure in these tables has 13 digits; wider cells are not considered (and long never overflows). */
    private static final int MAX_CELL_DIGITS = 12;

    /** Parts that sum to a total, by cell index. */
    record Identity(String checkId, int total, int[] parts) {
    }

    /**
     * @param candidates row-consistent cuts with distinct values: each cell as printed ({@link Segment#BLANK} for a
     *                   blank), null where absent (a blank 总计 beside non-zero parts)
     * @param anySplit   whether a run had to be cut (or a blank placed), i.e. the values are not simply the runs
     * @param shapes     how many ways the runs could be cut before the identities were applied (-1: too many to count)
     * @param exhausted  the step budget ran out: candidates are incomplete and the row is undetermined
     */
    record Result(List<String[]> candidates, boolean anySplit, int shapes, boolean exhausted) {
    }

    private final boolean blanksVanish;
    private final List<String> runs;
    private final int cells;
    private final boolean[] negativeAllowed;
    private final List<Identity> identities;
    /** identities whose last cell (by index) is this cell: checked as soon as it is placed. */
    private final List<List<Identity>> completing = new ArrayList<>();
    private final Map<String, String[]> found = new LinkedHashMap<>();
    private int steps;
    private boolean checkIdentities;
    private int shapes;
    private boolean exhausted;

    private CellSplitter(List<String> runs, int cells, boolean[] negativeAllowed, List<Identity> identities,
                         boolean blanksVanish) {
        this.blanksVanish = blanksVanish;
        this.runs = runs;
        this.cells = cells;
        this.negativeAllowed = negativeAllowed;
        this.identities = identities;
        for (int c = 0; c < cells; c++) {
            completing.add(new ArrayList<>());
        }
        for (Identity id : identities) {
            int last = id.total();
            for (int p : id.parts()) {
                last = Math.max(last, p);
            }
            completing.get(last).add(id);
        }
    }

    /**
     * @param blanksVanish the document shows rows with a cell missing (its blank cells left nothing in the text), so
     *                     any row may have lost one, even inside a glued run: every cut is weighed against the cuts
     *                     with a vanished blank
     */
    static Result split(List<String> runs, int cells, boolean[] negativeAllowed, List<Identity> identities,
                        boolean blanksVanish) {
        CellSplitter splitter = new CellSplitter(runs, cells, negativeAllowed, identities, blanksVanish);
        return splitter.run();
    }

    /**
     * First every cut without the identities. A row printed cell by cell (as many runs as cells) is read as printed
     * even when it contradicts its own total: the failed check is reported, the figures are never repaired. A row
     * that had to be cut is read only through a cut its identities confirm, or, without identities, when it can be
     * cut one way only and no vanished blank cell would explain its digits otherwise.
     */
    private Result run() {
        boolean simple = runs.size() == cells && runs.stream().allMatch(this::isWholeCell);
        enumerate(false);
        int allShapes = exhausted ? -1 : shapes;
        if (simple || identities.isEmpty()) {
            return new Result(List.copyOf(found.values()), !simple, allShapes, exhausted);
        }
        found.clear();
        steps = 0;
        exhausted = false;
        enumerate(true);
        return new Result(List.copyOf(found.values()), true, allShapes, exhausted);
    }

    /**
     * The cuts of the runs, then (when one value is missing and every run is a whole number) the placements of a
     * blank cell that vanished from the text. A row without identities considers the blank only beside a cut:
     * alone it would read "规章 0 0" as three zeros with nothing to confirm it.
     */
    private void enumerate(boolean withIdentities) {
        checkIdentities = withIdentities;
        shapes = 0;
        if (runs.size() <= cells) {
            place(0, 0, 0, new String[cells]);
        }
        if (blanksVanish && cells > 1) {
            placeVanishedBlank();
            return;
        }
        boolean blankMayHaveVanished = runs.size() == cells - 1 && runs.stream().allMatch(this::isWholeCell)
                && (!identities.isEmpty() || !found.isEmpty());
        if (blankMayHaveVanished) {
            for (int blank = 0; blank < cells && !exhausted; blank++) {
                List<String> withBlank = new ArrayList<>(runs);
                withBlank.add(blank, Segment.BLANK);
                shapes++;
                accept(withBlank.toArray(new String[0]));
            }
        }
    }

    /** Every cut of the runs into one cell fewer, with the blank at each place (identities checked at the end). */
    private void placeVanishedBlank() {
        for (int blank = 0; blank < cells && !exhausted; blank++) {
            boolean[] negative = new boolean[cells - 1];
            for (int c = 0, t = 0; c < cells; c++) {
                if (c != blank) {
                    negative[t++] = negativeAllowed[c];
                }
            }
            CellSplitter fewer = new CellSplitter(runs, cells - 1, negative, List.of(), false);
            fewer.enumerate(false);
            steps += fewer.steps;
            if (fewer.exhausted || fewer.found.size() >= MAX_CANDIDATES || steps > STEP_BUDGET) {
                exhausted = true;
                return;
            }
            for (String[] cut : fewer.found.values()) {
                List<String> withBlank = new ArrayList<>(Arrays.asList(cut));
                withBlank.add(blank, Segment.BLANK);
                shapes++;
                accept(withBlank.toArray(new String[0]));
            }
        }
    }

    /** A run that is itself a valid single cell (so that a blank might have vanished beside it). */
    private boolean isWholeCell(String run) {
        return run.equals(Segment.BLANK) || Segmenter.isNumber(run) && !hasLeadingZero(withoutSign(run));
    }

    /**
     * Assigns cells from run {@code r}, character {@code from}, cell {@code c} on: each cell is a prefix of what is
     * left of the current run; a run's end is a cell's end.
     */
    private void place(int r, int from, int c, String[] assigned) {
        if (exhausted || ++steps > STEP_BUDGET) {
            exhausted = true;
            return;
        }
        if (r == runs.size()) {
            if (c == cells) {
                shapes++;
                accept(assigned.clone());
            }
            return;
        }
        String run = runs.get(r);
        int cellsLeft = cells - c;
        int runsLeft = runs.size() - r;
        if (cellsLeft < runsLeft) {
            return;
        }
        if (isAtomic(run)) {
            boolean signAllowed = !(run.startsWith("-") || run.startsWith("\u2212")) || negativeAllowed[c];
            if (from == 0 && signAllowed && checkPlaced(c, run, assigned)) {
                place(r + 1, 0, c + 1, assigned);
            }
            return;
        }
        int maxEnd = run.length();
        for (int end = from + 1; end <= maxEnd; end++) {
            String cell = run.substring(from, end);
            if (!validCell(cell, c)) {
                if (leadingInvalid(cell)) {
                    break;
                }
                continue;
            }
            // the cells still needed after this one: at least one per later run, at most one per remaining character
            int needAfter = cells - c - 1;
            int laterRunsMin = runs.size() - r - 1 + (end < run.length() ? 1 : 0);
            if (needAfter < laterRunsMin) {
                continue; // the rest of this run would need a cell of its own: only a longer cell can end here
            }
            if (needAfter > charactersFrom(r, end)) {
                continue;
            }
            if (!checkPlaced(c, cell, assigned)) {
                continue;
            }
            if (end == run.length()) {
                place(r + 1, 0, c + 1, assigned);
            } else {
                place(r, end, c + 1, assigned);
            }
            if (exhausted) {
                return;
            }
        }
        assigned[c] = null;
    }

    /** The most cells what is left could still give: a cell per digit of a plain run, one per atomic run. */
    private int charactersFrom(int r, int from) {
        int n = isAtomic(runs.get(r)) ? (from == 0 ? 1 : 0) : runs.get(r).length() - from;
        for (int i = r + 1; i < runs.size(); i++) {
            n += mostCells(runs.get(i));
        }
        return n;
    }

    /** The most cells one run can be cut into: one per digit, or one for a blank or a formatted number. */
    static int mostCells(String run) {
        return isAtomic(run) ? 1 : (int) run.chars().filter(Character::isDigit).count();
    }

    /** Formatted numbers (1,193 or 12.5) and printed blanks are one cell each, never cut. */
    static boolean isAtomic(String run) {
        return run.equals(Segment.BLANK) || run.indexOf(',') >= 0 || run.indexOf('.') >= 0;
    }

    /** Puts a cell in place and checks the identities it completes. */
    private boolean checkPlaced(int c, String cell, String[] assigned) {
        assigned[c] = cell;
        if (!checkIdentities) {
            return true;
        }
        for (Identity id : completing.get(c)) {
            if (!holds(id, assigned)) {
                return false;
            }
        }
        return true;
    }

    private boolean validCell(String cell, int c) {
        String digits = cell;
        char first = cell.charAt(0);
        if (first == '-' || first == '\u2212' || first == '+') {
            if (first != '+' && !negativeAllowed[c]) {
                return false;
            }
            digits = cell.substring(1);
        }
        if (digits.isEmpty() || digits.length() > MAX_CELL_DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (hasLeadingZero(digits)) {
            return false;
        }
        return !(first == '-' || first == '\u2212') || !digits.equals("0");
    }

    /** A cell that no longer prefix can repair: a leading zero, or a sign where none is allowed. */
    private boolean leadingInvalid(String cell) {
        String digits = withoutSign(cell);
        return hasLeadingZero(digits) || digits.length() > MAX_CELL_DIGITS || digits.chars().anyMatch(ch -> !Character.isDigit(ch));
    }

    /** Compiled once: the splitter tries it on every candidate cell. */
    private static final Pattern LEADING_SIGN = Pattern.compile("^[+\\-\u2212]");

    private static String withoutSign(String cell) {
        return LEADING_SIGN.matcher(cell).replaceFirst("");
    }

    private static boolean hasLeadingZero(String digits) {
        return digits.length() > 1 && digits.charAt(0) == '0';
    }

    private boolean holds(Identity id, String[] assigned) {
        Long total = value(assigned[id.total()]);
        long sum = 0;
        boolean nonZeroPart = false;
        for (int p : id.parts()) {
            Long v = value(assigned[p]);
            sum += v == null ? 0 : v;
            nonZeroPart |= v != null && v != 0;
        }
        if (isBlank(assigned[id.total()]) && nonZeroPart) {
            // a blank 总计 beside non-zero parts is absent: nothing confirms this cut (it passes only when nothing is
            // being checked, i.e. a row printed cell by cell)
            return !checkIdentities;
        }
        return total != null && total == sum;
    }

    private void accept(String[] assigned) {
        for (Identity id : identities) {
            if (checkIdentities && !holds(id, assigned)) {
                return;
            }
        }
        String[] cellsOut = assigned.clone();
        List<Long> key = new ArrayList<>();
        for (Identity id : identities) {
            if (isBlank(assigned[id.total()])
                    && Arrays.stream(id.parts()).mapToObj(p -> value(assigned[p])).anyMatch(v -> v != null && v != 0)) {
                cellsOut[id.total()] = null;
            }
        }
        for (String cell : cellsOut) {
            key.add(cell == null ? null : value(cell));
        }
        if (found.size() < MAX_CANDIDATES) {
            found.putIfAbsent(key + "|" + (key.contains(null) ? Arrays.toString(cellsOut) : ""), cellsOut);
        }
    }

    private static boolean isBlank(String cell) {
        return Segment.BLANK.equals(cell);
    }

    /** A cell's integer value (a blank counts 0); null for a decimal, which no identity covers. */
    static Long value(String cell) {
        if (cell == null) {
            return null;
        }
        if (isBlank(cell)) {
            return 0L;
        }
        String plain = cell.replace(",", "").replace('\u2212', '-');
        if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        if (plain.indexOf('.') >= 0) {
            return null;
        }
        return Long.parseLong(plain);
    }
}
