package org.disclosuresearch.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a query matches in a report's normalized text, found from the query tree alone: every backend marks the
 * same places, and the marks are exactly what the search matched. Exact leaves are marked where their text occurs;
 * a word leaf ({@link MatchMode#WORDS}) where its text occurs and where each of its words of two or more characters
 * does (a lone 依 of 依申请公开 would mark noise all over a report). Excluded leaves, agency and id leaves are not
 * marked in the text.
 */
public final class Marks {
    private Marks() {
    }

    /** A marked stretch of the text, {@code [start, end)} in chars; overlapping and touching matches are one mark. */
    public record Span(int start, int end) {
    }

    private record Needle(String text, boolean ignoreCase) {
    }

    /** The marks of {@code query} in {@code text}, in text order, merged. */
    public static List<Span> find(QueryNode query, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Needle> needles = new ArrayList<>();
        collect(query, needles);
        if (needles.isEmpty()) {
            return List.of();
        }
        String folded = null;
        List<Span> found = new ArrayList<>();
        for (Needle n : needles) {
            String haystack = text;
            String needle = n.text();
            if (n.ignoreCase()) {
                folded = folded == null ? fold(text) : folded;
                haystack = folded;
                needle = fold(needle);
            }
            for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
                found.add(new Span(at, at + needle.length()));
            }
        }
        found.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> merged = new ArrayList<>();
        for (Span s : found) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private static void collect(QueryNode node, List<Needle> out) {
        if (node instanceof QueryNode.Text t && t.field() == QueryNode.TextField.TEXT) {
            out.add(new Needle(t.text(), false));
            if (!t.exact()) {
                for (String w : t.words()) {
                    if (w.codePointCount(0, w.length()) >= 2) {
                        out.add(new Needle(w, true)); // smartcn lowercases its words
                    }
                }
            }
        } else if (node instanceof QueryNode.All all) {
            all.children().forEach(c -> collect(c, out));
        } else if (node instanceof QueryNode.Any any) {
            any.children().forEach(c -> collect(c, out));
        }
        // Not, Id, FigureRange, agency text, Everything: nothing to mark in the text
    }

    /** Lower case char by char, so that offsets stay those of the text. */
    private static String fold(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }
}
