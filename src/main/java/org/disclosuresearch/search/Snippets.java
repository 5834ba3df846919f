package org.disclosuresearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.disclosuresearch.index.Analyzers;
import org.disclosuresearch.index.ExactPhrase;
import org.disclosuresearch.index.ExactPhraseTokenizer;
import org.disclosuresearch.index.Fields;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Highlighted snippets from the stored normalized text, over the whole text however long. Every match is marked
 * where it occurs verbatim: the query is turned into exact-field queries (a smartcn word becomes the exact phrase
 * of that word) and the highlighter re-tokenizes each hit's text into exact-field bigrams, which is cheap, instead
 * of reading offsets from the postings (which took a third of the index). Output is HTML: the text escaped, each
 * match (a whole phrase is one match) wrapped in {@code <mark>}.
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
        Supplier<BreakIterator> sentences = () -> LengthGoalBreakIterator.createClosestToLength(
                BreakIterator.getSentenceInstance(Locale.CHINESE), LENGTH, 0.3f);
        String[] snippets = highlightExactField(searcher, query, docIds, sentences, MAX_SNIPPETS);
        for (String joined : snippets) {
            out.add(joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR)));
        }
        return out;
    }

    /**
     * A window of a document's stored text, not cut into snippets, as escaped HTML with every match of the query
     * marked exactly as in the snippets (the report view shows what the engine matched, not a literal guess). The
     * whole text is matched (so that the count covers it), only the window is written out.
     */
    static TextWindow window(IndexSearcher searcher, Query query, int docId, int offset, int length)
            throws IOException {
        if (query == null) {
            String text = storedText(searcher, docId);
            int from = Math.min(offset, text.length());
            int to = (int) Math.min(text.length(), (long) from + length);
            StringBuilder html = new StringBuilder();
            HtmlSnippetFormatter.escape(text, from, to, html);
            return new TextWindow(html.toString(), from, to, text.length(), 0);
        }
        Query highlightQuery = forHighlighting(query);
        Object window = highlighter(searcher, highlightQuery, WholeBreakIterator::new,
                new HtmlSnippetFormatter(offset, length), Integer.MAX_VALUE - 1).windowOf(highlightQuery, docId);
        if (window instanceof TextWindow found) {
            return found;
        }
        return window(searcher, null, docId, offset, length); // nothing to highlight in (an empty text)
    }

    private static String storedText(IndexSearcher searcher, int docId) throws IOException {
        String text = searcher.storedFields().document(docId, STORED_TEXT).get(Fields.TEXT);
        return text == null ? "" : text;
    }

    private static String[] highlightExactField(IndexSearcher searcher, Query query, int[] docIds,
                                                Supplier<BreakIterator> passages, int maxPassages)
            throws IOException {
        Query highlightQuery = forHighlighting(query);
        return highlighter(searcher, highlightQuery, passages, new HtmlSnippetFormatter(), SNIPPET_SCAN_CHARS)
                .highlightFields(
                new String[]{Fields.TEXT_EXACT}, highlightQuery, docIds, new int[]{maxPassages})
                .get(Fields.TEXT_EXACT);
    }

    /**
     * How far into a hit's text its snippets are looked for: well past the longest real reports (about 100,000
     * characters), so that they are read whole, while a hostile text of a million characters cannot make one page
     * of results cost seconds of highlighting per hit (it took 18 s for 8 such hits; the report view, which pages
     * its text, still marks every match).
     */
    static final int SNIPPET_SCAN_CHARS = 300_000;

    private static ExactFieldHighlighter highlighter(IndexSearcher searcher, Query highlightQuery,
                                                     Supplier<BreakIterator> passages, PassageFormatter formatter,
                                                     int maxLength) {
        CharArraySet terms = exactTerms(highlightQuery);
        Analyzer analyzer = terms == null ? Analyzers.perField() : new QueryTermsAnalyzer(terms);
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(maxLength) // the default 10,000 would miss matches deep in long reports
                .withWeightMatches(true) // a phrase is one match, from its first to its last character
                .withBreakIterator(passages)
                .withFormatter(formatter)
                .withMaxNoHighlightPassages(1);
        return new ExactFieldHighlighter(builder, searcher);
    }

    /**
     * The exact-field terms a highlight query can match, or null when it matches terms by pattern (a one-character
     * query's prefix). Terms under MUST_NOT are not visited: they are never marked.
     */
    private static CharArraySet exactTerms(Query query) {
        CharArraySet terms = new CharArraySet(16, false);
        boolean[] byPattern = {false};
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return Fields.TEXT_EXACT.equals(field);
            }

            @Override
            public void consumeTerms(Query q, Term... found) {
                for (Term t : found) {
                    terms.add(t.text());
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                byPattern[0] = true;
            }
        });
        return byPattern[0] ? null : terms;
    }

    /**
     * The exact field's bigrams, only those the query holds (positions of the others kept as gaps). The highlighter
     * indexes a hit's tokens in memory and tests each against the query's terms: for a 12 KB report that was 4,000
     * tokens to drop one by one, the most expensive part of a page of results.
     */
    private static final class QueryTermsAnalyzer extends Analyzer {
        private final CharArraySet terms;

        QueryTermsAnalyzer(CharArraySet terms) {
            this.terms = terms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer bigrams = new ExactPhraseTokenizer(ExactPhraseTokenizer.Mode.BIGRAMS);
            TokenStream kept = new FilteringTokenFilter(bigrams) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

                @Override
                protected boolean accept() {
                    return terms.contains(term.buffer(), 0, term.length());
                }
            };
            return new TokenStreamComponents(bigrams, kept);
        }
    }

    /**
     * Highlights the exact field, which is not stored, in the stored text (the same normalized string) and, having
     * no offsets in the postings, by re-tokenizing it (UnifiedHighlighter's analysis offset source).
     */
    private static final class ExactFieldHighlighter extends UnifiedHighlighter {
        private final IndexSearcher searcher;

        ExactFieldHighlighter(UnifiedHighlighter.Builder builder, IndexSearcher searcher) {
            super(builder);
            this.searcher = searcher;
        }

        /** The formatter's object for one document (a {@link TextWindow}), or null when there was nothing to format. */
        Object windowOf(Query query, int docId) throws IOException {
            Object[] objects = highlightFieldsAsObjects(new String[]{Fields.TEXT_EXACT}, query, new int[]{docId},
                    new int[]{1}).get(Fields.TEXT_EXACT);
            return objects == null ? null : objects[0];
        }

        /** Known without asking: looking it up merges the field infos of every segment, on every search. */
        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.ANALYSIS;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                       int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                String text = stored.document(doc, STORED_TEXT).get(Fields.TEXT);
                CharSequence[] perField = new CharSequence[fields.length];
                java.util.Arrays.fill(perField, text == null ? "" : text);
                values.add(perField);
            }
            return values;
        }
    }

    private static final Set<String> STORED_TEXT = Set.of(Fields.TEXT);

    /**
     * The query on the exact field: a smartcn word becomes the exact phrase of that word (marked wherever it occurs
     * verbatim), and a one-character query (a term of the documents-only characters field) becomes the bigrams that
     * character starts, marked as the character only.
     */
    static Query forHighlighting(Query query) {
        if (query instanceof TermQuery tq && tq.getTerm().field().equals(Fields.TEXT)) {
            Query exact = ExactPhrase.query(Fields.TEXT_EXACT, tq.getTerm().text());
            return exact == null ? query : forHighlighting(exact);
        }
        if (query instanceof TermQuery tq && tq.getTerm().field().equals(Fields.TEXT_CHARACTERS)) {
            return new FirstCharacterQuery(new PrefixQuery(new Term(Fields.TEXT_EXACT, tq.getTerm().bytes())),
                    tq.getTerm().text().length());
        }
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (BooleanClause c : bq.clauses()) {
                b.add(forHighlighting(c.getQuery()), c.getOccur());
            }
            return b.build();
        }
        if (query instanceof ConstantScoreQuery constant) {
            return forHighlighting(constant.getQuery()); // marks do not depend on scores
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(forHighlighting(boost.getQuery()), boost.getBoost());
        }
        return query;
    }

    /**
     * Formats passages as escaped HTML with marks; overlapping matches merge into one mark. A snippet is trimmed to
     * about {@link #LENGTH} characters round its first match; a whole text is written as a {@link TextWindow}.
     */
    static final class HtmlSnippetFormatter extends PassageFormatter {
        private final boolean whole;
        /** For a whole text: the window written out. */
        private final int windowOffset;
        private final int windowLength;

        /** Snippets. */
        HtmlSnippetFormatter() {
            this.whole = false;
            this.windowOffset = 0;
            this.windowLength = 0;
        }

        /** A whole text, of which only {@code [offset, offset + length)} is written, as a {@link TextWindow}. */
        HtmlSnippetFormatter(int offset, int length) {
            this.whole = true;
            this.windowOffset = offset;
            this.windowLength = length;
        }

        @Override
        public Object format(Passage[] passages, String content) {
            if (whole) {
                return window(passages.length == 0 ? null : passages[0], content);
            }
            List<String> out = new ArrayList<>();
            for (Passage p : passages) {
                out.add(format(p, content));
            }
            return String.join(SEPARATOR, out);
        }

        private TextWindow window(Passage p, String content) {
            List<int[]> spans = p == null ? List.of() : spans(p);
            int from = Math.min(windowOffset, content.length());
            int to = (int) Math.min(content.length(), (long) from + windowLength);
            StringBuilder sb = new StringBuilder();
            int pos = from;
            for (int[] span : spans) {
                if (span[1] <= from) {
                    continue;
                }
                if (span[0] >= to) {
                    break;
                }
                int s = Math.max(span[0], pos);
                int e = Math.min(span[1], to);
                escape(content, pos, s, sb);
                sb.append("<mark>");
                escape(content, s, e, sb);
                sb.append("</mark>");
                pos = e;
            }
            escape(content, pos, to, sb);
            return new TextWindow(sb.toString(), from, to, content.length(), spans.size());
        }

        /** The passage's matches, overlapping or touching ones merged (a word inside a phrase, bigram overlaps). */
        private static List<int[]> spans(Passage p) {
            int n = p.getNumMatches();
            int[] starts = p.getMatchStarts();
            int[] ends = p.getMatchEnds();
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
            return spans;
        }

        private String format(Passage p, String content) {
            List<int[]> spans = spans(p);
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
