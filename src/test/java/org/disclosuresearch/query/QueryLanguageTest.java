package org.disclosuresearch.query;

import org.disclosuresearch.index.Analyzers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query language as a tree: what each construct means, and every refusal with its code and Chinese message. */
class QueryLanguageTest {

    private static QueryNode parse(String q) {
        return QueryLanguage.parse(q, MatchMode.EXACT, Analyzers.wordSegmenter());
    }

    private static QueryNode.Text text(String q, MatchMode mode) {
        return assertInstanceOf(QueryNode.Text.class, QueryLanguage.parse(q, mode, Analyzers.wordSegmenter()));
    }

    @Test
    void an_unquoted_run_is_exact_by_default_and_words_when_asked() {
        QueryNode.Text exact = text("依申请公开", MatchMode.EXACT);
        assertEquals("依申请公开", exact.text());
        assertTrue(exact.exact());
        assertFalse(exact.words().isEmpty());
        QueryNode.Text words = text("依申请公开", MatchMode.WORDS);
        assertFalse(words.exact());
        assertEquals(exact.words(), words.words());
        // a quoted phrase is exact whatever the mode; the text is normalized (line breaks between Han removed)
        assertTrue(text("\"依申请\n公开\"", MatchMode.WORDS).exact());
        assertEquals("依申请公开", text("\"依申请\n公开\"", MatchMode.WORDS).text());
    }

    @Test
    void every_kind_of_quotation_mark_quotes_and_other_marks_inside_are_characters() {
        for (String q : List.of("\"三审三校\"", "“三审三校”", "＂三审三校＂", "「三审三校」", "『三审三校』")) {
            assertEquals("三审三校", text(q, MatchMode.WORDS).text(), q);
            assertTrue(text(q, MatchMode.WORDS).exact(), q);
        }
        assertEquals("危及“三安全”", text("\"危及“三安全”\"", MatchMode.EXACT).text());
        assertEquals("他说\"好\"", text("「他说\"好\"」", MatchMode.EXACT).text());
    }

    @Test
    void runs_and_or_exclusion_groups_and_prefixes_make_the_tree() {
        QueryNode.All all = assertInstanceOf(QueryNode.All.class, parse("朋友圈 OR 长护险 依申请公开 -行政复议"));
        assertEquals(3, all.children().size());
        assertInstanceOf(QueryNode.Any.class, all.children().get(0));
        assertInstanceOf(QueryNode.Text.class, all.children().get(1));
        assertInstanceOf(QueryNode.Not.class, all.children().get(2));
        assertEquals(parse("(朋友圈 OR 长护险) AND 依申请公开 NOT 行政复议"), all);
        QueryNode.Text agency = assertInstanceOf(QueryNode.Text.class, parse("agency:卫生健康局"));
        assertEquals(QueryNode.TextField.AGENCY, agency.field());
        assertEquals(new QueryNode.Id("a-1"), parse("id:a-1"));
        QueryNode.Any agencies = assertInstanceOf(QueryNode.Any.class, parse("agency:(乐清 OR 威海)"));
        agencies.children().forEach(c -> assertEquals(QueryNode.TextField.AGENCY, ((QueryNode.Text) c).field()));
        // brackets inside a run, full-width brackets, a slash and a hyphen are characters of the text
        assertEquals("第(一)项", text("第(一)项", MatchMode.EXACT).text());
        assertEquals("(一)", text("（一）", MatchMode.EXACT).text());
        assertEquals("2021/2022", text("2021/2022", MatchMode.EXACT).text());
        assertEquals("18-70", text("18-70", MatchMode.EXACT).text());
        assertInstanceOf(QueryNode.Everything.class, parse("  "));
        assertInstanceOf(QueryNode.Everything.class, parse("\"\""));
    }

    @Test
    void figure_ranges_are_part_of_the_query() {
        assertEquals(new QueryNode.FigureRange("penalties", 1000.0, null), parse("penalties:1000.."));
        assertEquals(new QueryNode.FigureRange("penalties", null, 10.0), parse("penalties:..10"));
        assertEquals(new QueryNode.FigureRange("year", 2021.0, 2021.0), parse("year:2021"));
        assertEquals(new QueryNode.FigureRange("fees_wan", 0.5, 2.0), parse("fees_wan：0.5..2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "申*|unsupported_syntax|通配符",
            "依申请*|unsupported_syntax|通配符",
            "依申?公开|unsupported_syntax|通配符",
            "依申请公~1|unsupported_syntax|模糊",
            "依申请^2|unsupported_syntax|权重",
            "[1 TO 5]|unsupported_syntax|范围",
            "\"依申请|unbalanced_quote|引号",
            "“依申请|unbalanced_quote|引号",
            "「依申请|unbalanced_quote|引号",
            "依申请」|unbalanced_quote|引号",
            "(依申请|unsupported_syntax|括号",
            "agency:|unsupported_syntax|前缀",
            "agency: 乐清|unsupported_syntax|前缀",
            "colour:red|unsupported_syntax|前缀",
            "penalty:1000..|unknown_figure|penalties",
            "penalties:很多|unsupported_syntax|范围",
            "penalties:10..1|unsupported_syntax|下限",
            "OR 朋友圈|unsupported_syntax|OR",
            "朋友圈 OR|unsupported_syntax|OR",
            "AND|unsupported_syntax|AND",
            "NOT|unsupported_syntax|排除",
            "()|unsupported_syntax|括号",
    })
    void refusals_say_in_chinese_what_is_wrong(String query, String code, String mentions) {
        QueryException e = assertThrows(QueryException.class, () -> parse(query), query);
        assertEquals(code, e.code().id(), query + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(mentions), query + ": " + e.getMessage());
        assertTrue(e.getMessage().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
                == Character.UnicodeScript.HAN), e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*(Cannot parse|Lexical|Encountered|lucene|Lucene).*"), e.getMessage());
        assertEquals("q", e.parameter());
    }

    @Test
    void a_quoted_wildcard_is_a_character_and_length_and_size_are_bounded() {
        assertEquals("申*", text("\"申*\"", MatchMode.EXACT).text());
        assertEquals("申*", text("申\\*", MatchMode.EXACT).text());
        QueryException tooLong = assertThrows(QueryException.class, () -> parse("依".repeat(501)));
        assertEquals(QueryException.Code.QUERY_TOO_LONG, tooLong.code());
        QueryException tooMany = assertThrows(QueryException.class, () -> parse("词 ".repeat(33)));
        assertEquals(QueryException.Code.QUERY_TOO_LONG, tooMany.code());
        QueryException tooDeep = assertThrows(QueryException.class, () -> parse("(".repeat(9) + "a" + ")".repeat(9)));
        assertEquals(QueryException.Code.QUERY_TOO_LONG, tooDeep.code());
    }

    @Test
    void marks_come_from_the_tree_merge_overlaps_and_skip_exclusions() {
        String text = "依申请公开的申请。公开，依申请公开。";
        assertEquals(List.of(new Marks.Span(0, 5), new Marks.Span(12, 17)), Marks.find(parse("依申请公开"), text));
        assertEquals(List.of(new Marks.Span(0, 5), new Marks.Span(12, 17)),
                Marks.find(parse("依申请公开 -申请"), text));
        // matching words: the run and its words of two or more characters, never a lone 依
        QueryNode words = QueryLanguage.parse("依申请公开", MatchMode.WORDS, Analyzers.wordSegmenter());
        List<Marks.Span> spans = Marks.find(words, text);
        assertTrue(spans.contains(new Marks.Span(6, 8)), spans.toString()); // 申请
        assertTrue(spans.contains(new Marks.Span(9, 11)), spans.toString()); // 公开
        assertEquals(List.of(), Marks.find(parse("agency:依申请 id:x penalties:1.."), text));
        Highlights.Hit whole = Highlights.wholeText(parse("依申请公开"), text);
        assertEquals("<mark>依申请公开</mark>的申请。公开,依申请公开。".replace(",", "，")
                .replace("，依申请公开。", "，<mark>依申请公开</mark>。"), whole.snippets().get(0));
        assertEquals(2, whole.matchCount());
    }
}
