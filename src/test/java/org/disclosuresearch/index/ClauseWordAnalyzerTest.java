package org.disclosuresearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClauseWordAnalyzerTest {

    private static final Analyzer SMARTCN = new SmartChineseAnalyzer();
    private static final String TEXT = "本机关不掌握相关政府信息，申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请。"
            + " 2021年收到依申请公开 12 件（其中：法人或其他组织3件）。";

    /** A token as the index sees it: term, offsets into the analyzed text, position. */
    private record Token(String term, int start, int end, int position) {
    }

    private static List<Token> tokens(Analyzer analyzer, String text) throws IOException {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), position));
            }
            ts.end();
        }
        return out;
    }

    /** What smartcn gives for each run of letters and digits on its own, offsets moved to the run's place. */
    private static List<String> smartcnClauseByClause(String text) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher clause = Pattern.compile("[\\p{L}\\p{Nd}]+").matcher(text);
        while (clause.find()) {
            for (Token t : tokens(SMARTCN, clause.group())) {
                out.add(t.term() + "@" + (clause.start() + t.start()) + "-" + (clause.start() + t.end()));
            }
        }
        return out;
    }

    private static List<String> termsAndOffsets(List<Token> tokens) {
        return tokens.stream().map(t -> t.term() + "@" + t.start() + "-" + t.end()).toList();
    }

    @Test
    void gives_smartcns_words_of_each_clause_with_offsets_into_the_whole_text() throws IOException {
        ClauseWordAnalyzer analyzer = new ClauseWordAnalyzer(SMARTCN, 1000);
        List<Token> tokens = tokens(analyzer, TEXT);
        assertEquals(smartcnClauseByClause(TEXT), termsAndOffsets(tokens));
        for (Token t : tokens) {
            assertEquals(t.term(), TEXT.substring(t.start(), t.end()).toLowerCase(), "offsets of " + t);
        }
    }

    @Test
    void words_match_smartcn_on_the_whole_text_where_no_clause_boundary_intervenes() throws IOException {
        List<String> whole = termsAndOffsets(tokens(SMARTCN, TEXT));
        List<String> clauses = termsAndOffsets(tokens(new ClauseWordAnalyzer(SMARTCN, 1000), TEXT));
        long same = clauses.stream().filter(whole::contains).count();
        assertTrue(same >= clauses.size() - 2, "clause words " + clauses + " vs whole-text words " + whole);
    }

    @Test
    void a_clause_break_leaves_a_position_open_so_words_of_two_clauses_are_never_adjacent() throws IOException {
        List<Token> tokens = tokens(new ClauseWordAnalyzer(SMARTCN, 1000), "政府信息，公开申请");
        assertEquals(List.of("政府", "信息", "公开", "申请"), tokens.stream().map(Token::term).toList());
        assertEquals(List.of(0, 1, 3, 4), tokens.stream().map(Token::position).toList());
    }

    @Test
    void a_recurring_clause_is_segmented_once_and_answers_the_same() throws IOException {
        ClauseWordAnalyzer analyzer = new ClauseWordAnalyzer(SMARTCN, 1000);
        List<Token> first = tokens(analyzer, TEXT);
        ClauseWordAnalyzer.CacheCounts before = analyzer.cacheCounts();
        List<Token> second = tokens(analyzer, TEXT);
        assertEquals(first, second);
        assertEquals(1.0, analyzer.cacheCounts().hitRateSince(before));
    }

    @Test
    void long_clauses_and_a_full_cache_still_give_the_right_words() throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("政府信息公开".repeat(20)); // 120 characters: longer than any cached clause
        for (int i = 0; i < 50; i++) {
            text.append('，').append("第").append(i).append("项行政许可");
        }
        ClauseWordAnalyzer tiny = new ClauseWordAnalyzer(SMARTCN, 4); // evicts all the time
        assertEquals(smartcnClauseByClause(text.toString()), termsAndOffsets(tokens(tiny, text.toString())));
        assertEquals(termsAndOffsets(tokens(tiny, text.toString())),
                termsAndOffsets(tokens(new ClauseWordAnalyzer(SMARTCN, 1000), text.toString())));
    }

    @Test
    void words_that_are_not_the_texts_own_characters_come_back_the_same_from_the_cache() throws IOException {
        String text = "Government Information Disclosure，信息公开，ＡＰＰ申请，Government Information Disclosure";
        ClauseWordAnalyzer analyzer = new ClauseWordAnalyzer(SMARTCN, 1000);
        List<String> expected = smartcnClauseByClause(text);
        assertTrue(expected.stream().anyMatch(t -> t.startsWith("govern")), "smartcn stems Latin words: " + expected);
        assertEquals(expected, termsAndOffsets(tokens(analyzer, text)));
        ClauseWordAnalyzer.CacheCounts before = analyzer.cacheCounts();
        assertEquals(expected, termsAndOffsets(tokens(analyzer, text)));
        assertEquals(1.0, analyzer.cacheCounts().hitRateSince(before));
    }

    @Test
    void the_cache_takes_a_thirty_second_of_the_heap_and_never_less_than_65536_clauses() {
        assertEquals(65_536, Analyzers.clauseCacheCapacity(256L << 20));
        assertEquals((6L << 30) / 32 / Analyzers.BYTES_PER_CACHED_CLAUSE, Analyzers.clauseCacheCapacity(6L << 30));
    }

    @Test
    void text_without_letters_or_digits_gives_no_words() throws IOException {
        assertEquals(List.of(), tokens(new ClauseWordAnalyzer(SMARTCN, 10), "，。 ——（）"));
        assertEquals(List.of(), tokens(new ClauseWordAnalyzer(SMARTCN, 10), ""));
    }
}
