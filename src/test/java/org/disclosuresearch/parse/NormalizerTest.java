package org.disclosuresearch.parse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizerTest {

    @Test
    void joinsHanSplitAcrossLineAndPageBreaks() {
        assertEquals("依申请公开", Normalizer.normalize("依申\n\n请公开"));
        assertEquals("依申请公开", Normalizer.normalize("依申\r\n\f请公开"));
    }

    @Test
    void removesSpacesBetweenEverySpacedOutHanCharacter() {
        assertEquals("政府信息公开工作年度报告", Normalizer.normalize("政 府 信 息 公 开 工 作 年 度 报 告"));
    }

    @Test
    void everyUnicodeWhiteSpaceCountsIncludingNoBreakAndIdeographicSpace() {
        assertEquals("本机关", Normalizer.normalize("本\u00A0机\u3000关"));
        assertEquals("本机关", Normalizer.normalize("本\u2003机\u202F\u205F关"));
        assertEquals("本机关", Normalizer.normalize("本\u0085机\u2028关"));
    }

    @Test
    void otherWhiteSpaceRunsBecomeOneSpace() {
        assertEquals("2021 年", Normalizer.normalize("2021 \t\n 年"));
        assertEquals("a b", Normalizer.normalize("a\u00A0\u3000 b"));
        assertEquals("共 12 件", Normalizer.normalize("共  12\n件"));
    }

    @Test
    void lingIsHanSoItJoins() {
        assertTrue(Normalizer.isHan('〇'));
        assertEquals("二〇二二年", Normalizer.normalize("二 〇 二 二 年"));
    }

    @Test
    void fullWidthFormsBecomeHalfWidth() {
        assertEquals("ABC123%", Normalizer.normalize("ＡＢＣ１２３％"));
        assertEquals("(一)", Normalizer.normalize("（一）"));
        assertEquals("~!", Normalizer.normalize("～！"));
        // U+FF5F and beyond are not ASCII forms
        assertEquals("\uFF5F", Normalizer.normalize("\uFF5F"));
    }

    @Test
    void fullWidthPunctuationIsNotHanSoSpacesAroundItStay() {
        // "（" becomes "(" which is not Han: the space before it is one space
        assertEquals("公开 (一)", Normalizer.normalize("公开　（一）"));
    }

    @Test
    void whiteSpaceAtStartAndEndIsDropped() {
        assertEquals("申", Normalizer.normalize(" \n申 "));
        assertEquals("", Normalizer.normalize(" \u3000\n"));
        assertEquals("", Normalizer.normalize(""));
        assertEquals("", Normalizer.normalize(null));
    }

    @Test
    void supplementaryPlaneHanJoins() {
        String extB = new String(Character.toChars(0x20000));
        assertEquals("中" + extB, Normalizer.normalize("中 " + extB));
    }

    @Test
    void otherCharactersAreKept() {
        assertFalse(Normalizer.isHan('、'));
        assertEquals("公开、 申请", Normalizer.normalize("公开、 申请"));
        // the full-width comma is an ASCII form: it becomes ',' and is not Han either
        assertEquals("公开, 申请", Normalizer.normalize("公开， 申请"));
    }

    @Property
    void idempotent(@ForAll @Chars({' ', '\n', '\u3000', '\u00A0', '依', '申', '〇', 'a', '１', '，', '-'}) String s) {
        String once = Normalizer.normalize(s);
        assertEquals(once, Normalizer.normalize(once));
    }

    @Property
    void aSubstringNormalizedIsASubstringOfTheNormalizedWhole(
            @ForAll @Chars({' ', '\n', '\u3000', '依', '申', '〇', 'a', '１'}) String s,
            @ForAll @CharRange(from = 0, to = 5) char a, @ForAll @CharRange(from = 0, to = 5) char b) {
        int from = Math.min(a, s.length());
        int to = Math.max(from, s.length() - b);
        String part = s.substring(from, to);
        assertTrue(Normalizer.normalize(s).contains(Normalizer.normalize(part)),
                () -> "'" + part + "' in '" + s + "'");
    }

    @Test
    void theOffsetMapPointsEachNormalizedCharAtItsPrintedChar() {
        String printed = "  依申\n\n请公开，本机关　不掌握 ABC\tx𠀀y ";
        Normalizer.Mapped m = Normalizer.normalizeMapped(printed);
        assertEquals(Normalizer.normalize(printed), m.text());
        assertEquals(m.text().length() + 1, m.offsets().length);
        assertEquals(printed.length(), m.offsets()[m.text().length()]);
        for (int i = 0; i < m.text().length(); i++) {
            char n = m.text().charAt(i);
            char p = printed.charAt(m.offsets()[i]);
            if (n == ' ') {
                assertTrue(Normalizer.isWhiteSpace(p), "a space comes from whitespace at " + m.offsets()[i]);
            } else {
                assertEquals(n, (char) Normalizer.toHalfWidth(p), "char " + i);
            }
        }
        // 依申请公开 is one range of the normalized text, and spans the blank line in the printed one
        int from = m.text().indexOf("依申请公开");
        int[] range = m.printedRange(from, from + 5);
        assertEquals("依申\n\n请公开", printed.substring(range[0], range[1]));
        int comma = m.text().indexOf(',');
        range = m.printedRange(comma, comma + 1);
        assertEquals("，", printed.substring(range[0], range[1]));
        int rare = m.text().indexOf("𠀀");
        range = m.printedRange(rare, rare + 2);
        assertEquals("𠀀", printed.substring(range[0], range[1]));
    }

    @Property
    void theOffsetMapAgreesWithNormalizeOnAnyText(@ForAll String text) {
        Normalizer.Mapped m = Normalizer.normalizeMapped(text);
        assertEquals(Normalizer.normalize(text), m.text());
        for (int i = 1; i < m.text().length(); i++) {
            assertTrue(m.offsets()[i] > m.offsets()[i - 1], "offsets increase");
        }
    }
}
