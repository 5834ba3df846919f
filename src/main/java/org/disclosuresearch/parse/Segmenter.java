package org.disclosuresearch.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into {@link Segment}s: label words, then the runs of digits that follow them. Digits are cut out of
 * the middle of words too, because crawled pages glue a whole table into one line (规章000行政规范性文件008第二十条…);
 * a digit right before "." or "、" and a Han character is the next row's ordinal (…政府信息40000042.没有现成… is the
 * run 4000004, then the row "2.没有现成…"), since the templates number sub-rows 1 to 8.
 */
final class Segmenter {

    /** A printed figure: optional sign, digits with optional thousands separators, optional decimals. */
    static final Pattern NUMBER = Pattern.compile("[+\\-\u2212]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    /**
     * A run of cells inside a word: signed digits, minus signs between glued cells (2019's 本年增/减: 0-185),
     * thousands separators and decimals; a trailing "." or "," belongs to what follows.
     */
    private static final Pattern RUN = Pattern.compile(
            "(?<![\\d.])[+\\-\u2212]?\\d+(?:(?:,\\d{3})+(?!\\d)|[\\-\u2212]\\d+|\\.\\d+|\\d)*|" + Pattern.quote(Segment.BLANK));
    private static final String ORDINAL_MARKS = ".、";
    private static final Pattern UNIT = Pattern.compile("^(万元|元|件|条|个|项|次|人次)");

    private Segmenter() {
    }

    /**
     * Normalizes line by line: a line break still ends a word here (in the PDF layout it is often the only thing
     * between a column header and a row label), while the label text joins across lines without spaces.
     */
    static List<Segment> segments(String rawText) {
        Builder b = new Builder();
        for (String line : rawText.split("\\R")) {
            for (String word : Normalizer.normalize(line).split(" ")) {
                if (!word.isEmpty()) {
                    b.word(word);
                }
            }
        }
        return b.finish();
    }

    static boolean isNumber(String word) {
        return NUMBER.matcher(word).matches();
    }

    /** Accumulates label pieces and value runs into segments. */
    private static final class Builder {
        private final List<Segment> out = new ArrayList<>();
        private final StringBuilder label = new StringBuilder();
        private final List<Integer> starts = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        void word(String word) {
            Matcher run = RUN.matcher(word);
            int at = 0;
            while (run.find()) {
                String digits = run.group();
                int end = run.end();
                if (!digits.equals(Segment.BLANK) && isOrdinalMark(word.substring(end))) {
                    // the last digit numbers the next row: "40000042.没有" → run 4000004, label "2.没有"
                    digits = digits.substring(0, digits.length() - 1);
                    end--;
                }
                boolean hasDigits = digits.equals(Segment.BLANK) || digits.chars().anyMatch(Character::isDigit);
                if (!hasDigits) {
                    continue; // a lone ordinal (or its sign): stays in the label text
                }
                if (run.start() > at) {
                    labelPiece(word.substring(at, run.start()));
                }
                values.add(digits);
                at = end;
            }
            if (at < word.length()) {
                labelPiece(word.substring(at));
            }
        }

        private static boolean isOrdinalMark(String following) {
            return following.length() >= 2 && ORDINAL_MARKS.indexOf(following.charAt(0)) >= 0
                    && Normalizer.isHan(following.codePointAt(1));
        }

        /** A label piece starts a word; after values it also starts a new segment. */
        private void labelPiece(String piece) {
            if (!values.isEmpty()) {
                Matcher unit = UNIT.matcher(piece);
                String unitText = unit.find() ? unit.group(1) : "";
                flush(unitText);
            }
            starts.add(label.length());
            label.append(piece);
        }

        private void flush(String unit) {
            out.add(new Segment(label.toString(), starts, values, unit));
            label.setLength(0);
            starts.clear();
            values.clear();
        }

        List<Segment> finish() {
            if (!values.isEmpty() || label.length() > 0) {
                flush("");
            }
            return out;
        }
    }
}
