package org.disclosuresearch.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Agency, year reported on and publication date, read from a report's normalized text. */
final class MetadataExtractor {

    /** How far from the top the title may start (web pages put 索引号, 发布机构 … lines before it). */
    private static final int TITLE_WINDOW = 1500;
    private static final String YEAR_TEXT = "((?:19|20)\\d\\d|[〇零一二三四五六七八九]{4}) ?年度?";
    private static final Pattern YEAR = Pattern.compile(YEAR_TEXT);
    private static final String SUBJECT = "(?:政府信息公开|政务公开|信息公开)[^。]{0,12}?(?:年度报告|年报)";
    /** 乐清市医疗保障局2021年政府信息公开工作年度报告, or 2021年乐清市医疗保障局政府信息公开工作年度报告. */
    private static final Pattern TITLE_WITH_YEAR = Pattern.compile(YEAR_TEXT + "([^。]{0,40}?)" + SUBJECT);
    private static final Pattern TITLE_WITHOUT_YEAR = Pattern.compile(SUBJECT);
    /** Page headings that extraction glues to the title's first line (正文 / 标题 / 全文 above the title). */
    private static final Pattern STRAY_HEADING = Pattern.compile("^(?:正文|标题|全文|原文|详情)+");
    private static final Pattern TRAILING_NAME = Pattern.compile("[\\p{IsHan}()（）·]+$");
    private static final Pattern ARABIC_DATE = Pattern.compile(
            "((?:19|20)\\d\\d) ?(?:年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?日|[-./](\\d{1,2})[-./](\\d{1,2}))");
    private static final Pattern HAN_DATE = Pattern.compile(
            "([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");
    /** How much may follow the closing date (a page number, a 此件公开发布 note) for it still to be "at the end". */
    private static final int END_WINDOW = 40;
    private static final String DIGITS = "〇一二三四五六七八九";

    record Metadata(String agency, Integer year, String published) {
    }

    private MetadataExtractor() {
    }

    static Metadata extract(String text) {
        return extract(text, CrawlerHeader.of(""));
    }

    /**
     * With a crawler's header, its 标题 line is the title and its 发布时间 the date when the report does not end
     * with one; the header's other lines (发布机构: 1, 栏目 …) are never taken for the agency.
     */
    static Metadata extract(String text, CrawlerHeader header) {
        if (header.title() != null) {
            Metadata fromTitle = extractFromTop(Normalizer.normalize(header.title()), text);
            if (fromTitle.agency() != null) {
                String published = published(Normalizer.normalize(header.body()));
                return new Metadata(fromTitle.agency(), fromTitle.year(),
                        published != null ? published : header.published());
            }
        }
        return extractFromTop(text.substring(0, Math.min(text.length(), TITLE_WINDOW)), text);
    }

    private static Metadata extractFromTop(String head, String text) {
        String agency = null;
        Integer year = null;
        Matcher withYear = TITLE_WITH_YEAR.matcher(head);
        if (withYear.find()) {
            year = yearValue(withYear.group(1));
            agency = trailingName(head.substring(0, withYear.start()));
            if (agency == null) {
                agency = trailingName(withYear.group(2)); // 2021年乐清市医疗保障局政府信息公开工作年度报告
            }
        } else {
            Matcher noYear = TITLE_WITHOUT_YEAR.matcher(head);
            if (noYear.find()) {
                agency = trailingName(head.substring(0, noYear.start()));
            }
        }
        if (year == null) {
            Matcher y = YEAR.matcher(text);
            if (y.find()) {
                year = yearValue(y.group(1));
            }
        }
        return new Metadata(agency, year, published(text));
    }

    /**
     * The name that ends {@code s}: its last run of Han characters (and the brackets and dots names use), so that
     * a web page's 索引号/发布机构 lines or a 《 before the title stay out; a trailing 关于/的 is dropped.
     */
    private static String trailingName(String s) {
        Matcher m = TRAILING_NAME.matcher(s.strip());
        if (!m.find()) {
            return null;
        }
        String name = STRAY_HEADING.matcher(m.group().replaceAll("^[(（]+", "")).replaceFirst("")
                .replaceAll("(关于|的)$", "");
        return name.codePointCount(0, name.length()) >= 2 ? name : null;
    }

    private static Integer yearValue(String digits) {
        if (Character.isDigit(digits.charAt(0))) {
            return Integer.parseInt(digits);
        }
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append(c == '零' ? 0 : DIGITS.indexOf(c));
        }
        return Integer.parseInt(sb.toString());
    }

    /** The date that closes the report, as ISO yyyy-MM-dd, or null when the report does not end with a date. */
    static String published(String text) {
        String tail = text.strip();
        LocalDate last = null;
        int lastEnd = -1;
        Matcher a = ARABIC_DATE.matcher(tail);
        while (a.find()) {
            String month = a.group(2) != null ? a.group(2) : a.group(4);
            String day = a.group(3) != null ? a.group(3) : a.group(5);
            LocalDate d = date(Integer.parseInt(a.group(1)), Integer.parseInt(month), Integer.parseInt(day));
            if (d != null && a.end() > lastEnd) {
                last = d;
                lastEnd = a.end();
            }
        }
        Matcher h = HAN_DATE.matcher(tail);
        while (h.find()) {
            LocalDate d = date(yearValue(h.group(1)), hanNumber(h.group(2)), hanNumber(h.group(3)));
            if (d != null && h.end() > lastEnd) {
                last = d;
                lastEnd = h.end();
            }
        }
        return last != null && tail.length() - lastEnd <= END_WINDOW ? last.toString() : null;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** 一 … 三十一 */
    private static int hanNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return DIGITS.indexOf(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : DIGITS.indexOf(s.charAt(0));
        int units = ten == s.length() - 1 ? 0 : DIGITS.indexOf(s.charAt(ten + 1));
        return tens * 10 + units;
    }
}
