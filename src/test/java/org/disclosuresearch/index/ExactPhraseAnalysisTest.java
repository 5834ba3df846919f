package org.disclosuresearch.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The exact-phrase tokens and queries, including characters outside the BMP (CJK Extension B). */
class ExactPhraseAnalysisTest {

    static List<String> tokens(String text) throws Exception {
        return tokens(ExactPhraseTokenizer.Mode.BIGRAMS, text);
    }

    static List<String> tokens(ExactPhraseTokenizer.Mode mode, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = new ExactPhraseAnalyzer(mode).tokenStream(Fields.TEXT_EXACT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(term + "@" + pos + ":" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void every_code_point_starts_a_bigram_and_the_last_one_is_a_unigram() throws Exception {
        assertEquals(List.of("依申@0:0-2", "申 @1:1-3", " 2@2:2-4", "2@3:3-4"), tokens("依申 2"));
        assertEquals(List.of("a\uD840\uDC00@0:0-3", "\uD840\uDC00@1:1-3"), tokens("a\uD840\uDC00"));
        assertEquals(List.of("医@0:0-1"), tokens("医"));
        assertEquals(List.of(), tokens(""));
    }

    @Test
    void the_characters_field_holds_each_distinct_code_point_once_per_text() throws Exception {
        assertEquals(List.of("公@0:0-1", "开@1:1-2", "\uD840\uDC00@2:3-5"),
                tokens(ExactPhraseTokenizer.Mode.CHARACTERS, "公开公\uD840\uDC00开\uD840\uDC00"));
        // the tokenizer is reused: what the last text held must not hide a character of the next one
        ExactPhraseAnalyzer analyzer = new ExactPhraseAnalyzer(ExactPhraseTokenizer.Mode.CHARACTERS);
        for (String text : List.of("公开", "开放")) {
            List<String> terms = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream(Fields.TEXT_CHARACTERS, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    terms.add(term.toString());
                }
                ts.end();
            }
            assertEquals(text.codePoints().mapToObj(Character::toString).toList(), terms);
        }
    }

    @Test
    void queries_are_normalized_and_cover_every_character() throws Exception {
        assertNull(ExactPhrase.query(Fields.TEXT_EXACT, " \n "));
        assertEquals("text_chars:医", ExactPhrase.query(Fields.TEXT_EXACT, "医").toString());
        assertEquals("agency_chars:局", ExactPhrase.query(Fields.AGENCY_EXACT, " 局").toString());
        assertInstanceOf(TermQuery.class, ExactPhrase.query(Fields.TEXT_EXACT, "医"));
        // unrewritten, a phrase stands for all its bigrams; rewritten against an index, for a cover of them
        assertEquals("text_exact:\"依申 申请 请公 公开\"", ExactPhrase.query(Fields.TEXT_EXACT, "依申\n请公开").toString());
        // an index holding each bigram once: of equal costs, every other bigram and the last
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
            Document doc = new Document();
            doc.add(new TextField(Fields.TEXT_EXACT, "依申请公开。本机关不掌握。朋友圈", Field.Store.NO));
            w.addDocument(doc);
        }
        IndexSearcher empty = new IndexSearcher(DirectoryReader.open(dir));
        assertInstanceOf(MatchNoDocsQuery.class, empty.rewrite(ExactPhrase.query(Fields.TEXT_EXACT, "朋友们")),
                "a bigram in no document: nothing can match");
        assertEquals("text_exact:\"依申 ? 请公 公开\"",
                empty.rewrite(ExactPhrase.query(Fields.TEXT_EXACT, "依申\n请公开")).toString());
        PhraseQuery odd = (PhraseQuery) empty.rewrite(ExactPhrase.query(Fields.TEXT_EXACT, "本机关不掌握")); // 0, 2, 4 (4 is the last)
        assertEquals(3, odd.getTerms().length);
        PhraseQuery even = (PhraseQuery) empty.rewrite(ExactPhrase.query(Fields.TEXT_EXACT, "朋友圈")); // 3 chars: 0 and the last, 1
        assertEquals(List.of("朋友", "友圈"), List.of(even.getTerms()[0].text(), even.getTerms()[1].text()));
    }
}
