package org.disclosuresearch.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.index.Fields;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Highlighted snippets from the stored normalized text: word matches (smartcn field) and exact-phrase matches (its
 * masked twin field) read from the offsets in the postings, over the whole text however long. Output is HTML: the
 * text escaped, each match (a whole phrase is one match) wrapped in {@code <mark>}.
 */
final class Snippets {
    private Snippets() {
    }

    static final int MAX_SNIPPETS = 3;
    /** Joins a document's snippets in the highlighter's one-string answer; never in escaped output (see escape). */
    private static final String SEPARATOR = "\u0000";
    /** Characters of context shown before a match, and the snippet length aimed at. */
    private static final int BEFORE = 60;
    private static final int LENGTH = 200;

    static List<List<String>> highlight(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        List<List<String>> out = new ArrayList<>();
        if (docIds.length == 0) {
            return out;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Analyzers.perField())
                .withMaxLength(Integer.MAX_VALUE - 1) // the default 10,000 would miss matches deep in long reports
                .withWeightMatches(true) // a phrase is one match, from its first to its last character
                .withMaskedFieldsFunc(f -> Fields.TEXT.equals(f) ? Set.of(Fields.TEXT_EXACT) : Set.of())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.CHINESE), LENGTH, 0.3f))
                .withFormatter(new HtmlSnippetFormatter())
                .withMaxNoHighlightPassages(1)
                .build();
        String[] snippets = highlighter.highlightFields(new String[]{Fields.TEXT}, query, docIds,
                new int[]{MAX_SNIPPETS}).get(Fields.TEXT);
        for (String joined : snippets) {
            out.add(joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR)));
        }
        return out;
    }

    /** Formats passages as escaped HTML with marks; overlapping matches merge into one mark. */
    static final class HtmlSnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<String> out = new ArrayList<>();
            for (Passage p : passages) {
                out.add(format(p, content));
            }
            return String.join(SEPARATOR, out);
        }

        private static String format(Passage p, String content) {
            int n = p.getNumMatches();
            int[] starts = p.getMatchStarts();
            int[] ends = p.getMatchEnds();
            // merge overlapping or touching matches (a word inside a phrase, bigram overlaps)
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int s = starts[i];
                int e = ends[i];
                if (!spans.isEmpty() && s <= spans.get(spans.size() - 1)[1]) {
                    int[] last = spans.get(spans.size() - 1);
                    last[1] = Math.max(last[1], e);
                } else {
                    spans.add(new int[]{s, e});
                }
            }
            int from = p.getStartOffset();
            int to = p.getEndOffset();
            if (!spans.isEmpty()) {
                from = Math.max(from, spans.get(0)[0] - BEFORE);
            }
            to = Math.min(to, Math.max(from + LENGTH, spans.isEmpty() ? from : spans.get(0)[1]));
            StringBuilder sb = new StringBuilder();
            if (from > 0) {
                sb.append('…');
            }
            int pos = from;
            for (int[] span : spans) {
                if (span[0] >= to) {
                    break;
                }
                int s = Math.max(span[0], pos);
                int e = Math.max(s, span[1]); // a match is never cut: the snippet grows to its end
                escape(content, pos, s, sb);
                sb.append("<mark>");
                escape(content, s, e, sb);
                sb.append("</mark>");
                pos = e;
                to = Math.max(to, e);
            }
            escape(content, pos, Math.max(pos, to), sb);
            if (to < content.length()) {
                sb.append('…');
            }
            return sb.toString();
        }

        static void escape(String s, int from, int to, StringBuilder out) {
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
}
