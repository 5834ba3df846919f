package org.disclosuresearch.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Snippets and the marked whole text of a report, as escaped HTML with {@code <mark>} round every {@link Marks mark}.
 * Built from the stored normalized text and the query tree only, so every backend shows the same snippets.
 */
public final class Highlights {
    private Highlights() {
    }

    public static final int MAX_SNIPPETS = 3;
    /** Characters of context shown before a match at most (less when its sentence starts closer). */
    static final int BEFORE = 60;
    /** The length a snippet aims at; a match is never cut, so one may be longer. */
    static final int LENGTH = 200;
    private static final String SENTENCE_ENDS = "。！？；!?;";

    /** A hit's snippets and how many marks its whole text holds. */
    public record Hit(List<String> snippets, int matchCount) {
    }

    /** Snippets of {@code text} for {@code query}: up to {@link #MAX_SNIPPETS}, in text order. */
    public static Hit hit(QueryNode query, String text) {
        List<Marks.Span> spans = Marks.find(query, text);
        return new Hit(snippets(text == null ? "" : text, spans), spans.size());
    }

    /**
     * A window of the text, as the report view pages a long report.
     *
     * @param html    the characters {@code [from, to)}, escaped, with every mark (one crossing an edge is marked up to it)
     * @param length  the characters of the whole text
     * @param matches the marks in the whole text, not only in the window
     */
    public record Window(String html, int from, int to, int length, int matches) {
    }

    /** The window {@code [offset, offset + length)} of {@code text} with the marks of {@code query}. */
    public static Window window(QueryNode query, String text, int offset, int length) {
        String t = text == null ? "" : text;
        List<Marks.Span> spans = Marks.find(query, t);
        int from = Math.max(0, Math.min(offset, t.length()));
        int to = (int) Math.min(t.length(), (long) from + Math.max(0, length));
        StringBuilder html = new StringBuilder(to - from + 32);
        mark(t, from, to, spans, html);
        return new Window(html.toString(), from, to, t.length(), spans.size());
    }

    /** The whole text, escaped, with every mark of {@code query}; and the number of marks. */
    public static Hit wholeText(QueryNode query, String text) {
        String t = text == null ? "" : text;
        List<Marks.Span> spans = Marks.find(query, t);
        return new Hit(List.of(format(t, 0, t.length(), spans)), spans.size());
    }

    /**
     * The windows worth showing: each starts at its first mark's sentence (at most {@link #BEFORE} characters before
     * the mark) and runs about {@link #LENGTH} characters; the windows with the most distinct matched strings (then
     * the most marks) are chosen, shown in text order. Without marks, the text's beginning.
     */
    static List<String> snippets(String text, List<Marks.Span> spans) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (spans.isEmpty()) {
            return List.of(format(text, 0, Math.min(text.length(), LENGTH), spans));
        }
        List<Candidate> windows = new ArrayList<>();
        int i = 0;
        while (i < spans.size()) {
            Marks.Span first = spans.get(i);
            int from = Math.max(sentenceStart(text, first.start()), first.start() - BEFORE);
            int to = Math.min(text.length(), Math.max(from + LENGTH, first.end()));
            Set<String> distinct = new HashSet<>();
            int j = i;
            while (j < spans.size() && spans.get(j).start() < to) {
                Marks.Span s = spans.get(j);
                to = Math.max(to, s.end()); // a match is never cut
                distinct.add(text.substring(s.start(), s.end()).toLowerCase(Locale.ROOT));
                j++;
            }
            windows.add(new Candidate(from, to, i, j, distinct.size()));
            i = j;
        }
        List<Candidate> best = windows.stream()
                .sorted(Comparator.comparingInt(Candidate::distinct).thenComparingInt(Candidate::marks).reversed()
                        .thenComparingInt(Candidate::from))
                .limit(MAX_SNIPPETS)
                .sorted(Comparator.comparingInt(Candidate::from))
                .toList();
        List<String> out = new ArrayList<>();
        for (Candidate w : best) {
            out.add(format(text, w.from(), w.to(), spans.subList(w.firstSpan(), w.endSpan())));
        }
        return out;
    }

    /** A stretch of text round a run of marks that may become a snippet. */
    private record Candidate(int from, int to, int firstSpan, int endSpan, int distinct) {
        int marks() {
            return endSpan - firstSpan;
        }
    }

    private static int sentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /** {@code text[from, to)} escaped, the spans inside it marked, with … where the text goes on. */
    static String format(String text, int from, int to, List<Marks.Span> spans) {
        StringBuilder sb = new StringBuilder(to - from + 32);
        if (from > 0) {
            sb.append('…');
        }
        mark(text, from, to, spans, sb);
        if (to < text.length()) {
            sb.append('…');
        }
        return sb.toString();
    }

    private static void mark(String text, int from, int to, List<Marks.Span> spans, StringBuilder sb) {
        int pos = from;
        for (Marks.Span s : spans) {
            if (s.end() <= from || s.start() >= to) {
                continue;
            }
            int start = Math.max(s.start(), pos);
            int end = Math.min(s.end(), to);
            escape(text, pos, start, sb);
            sb.append("<mark>");
            escape(text, start, end, sb);
            sb.append("</mark>");
            pos = end;
        }
        escape(text, pos, to, sb);
    }

    /** HTML-escapes {@code s[from, to)}; a NUL (never meaningful in report text) becomes U+FFFD. */
    public static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\u0000' -> out.append('\ufffd');
                default -> out.append(c);
            }
        }
    }
}
