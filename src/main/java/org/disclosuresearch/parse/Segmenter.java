package org.disclosuresearch.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into {@link Segment}s: label words, then the numeric words that follow them. */
final class Segmenter {

    /** A printed figure: optional sign, digits with optional thousands separators, optional decimals. */
    static final Pattern NUMBER = Pattern.compile("[+\\-\u2212]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    /** Digits stuck to the end of a label word: after a Han character or a closing bracket or quote. */
    private static final Pattern GLUED = Pattern.compile("(.*[\\p{IsHan})\\]”\"])(\\d+)");
    /**
     * A number with a Han word stuck after it: a unit in the cell (12件, 3.5万元) or the next row's label run into
     * the last value (0行政规范性文件). The number is a value; the rest starts the next label.
     */
    private static final Pattern LEADING_NUMBER = Pattern.compile("([+\\-\u2212]?\\d+(?:\\.\\d+)?)(\\p{IsHan}.*)");

    private Segmenter() {
    }

    /**
     * Normalizes line by line: a line break still ends a word here (in the PDF layout it is often the only thing
     * between a column header and a row label), while the label text joins across lines without spaces.
     */
    static List<Segment> segments(String rawText) {
        List<Segment> out = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String glued = null;
        for (String word : words(rawText)) {
            if (word.isEmpty()) {
                continue;
            }
            if (NUMBER.matcher(word).matches()) {
                values.add(word);
                continue;
            }
            Matcher leading = LEADING_NUMBER.matcher(word);
            if (leading.matches()) {
                values.add(leading.group(1));
                word = leading.group(2);
            }
            if (!values.isEmpty() || glued != null) {
                out.add(new Segment(label.toString(), starts, values, glued));
                label.setLength(0);
                starts.clear();
                values.clear();
                glued = null;
            }
            starts.add(label.length());
            Matcher m = GLUED.matcher(word);
            if (m.matches()) {
                label.append(m.group(1));
                glued = m.group(2);
            } else {
                label.append(word);
            }
        }
        if (!values.isEmpty() || glued != null || label.length() > 0) {
            out.add(new Segment(label.toString(), starts, values, glued));
        }
        return out;
    }

    private static List<String> words(String rawText) {
        List<String> words = new ArrayList<>();
        for (String line : rawText.split("\\R")) {
            for (String word : Normalizer.normalize(line).split(" ")) {
                words.add(word);
            }
        }
        return words;
    }

    static boolean isNumber(String word) {
        return NUMBER.matcher(word).matches();
    }
}
