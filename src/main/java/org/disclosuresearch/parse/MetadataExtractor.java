package org.disclosuresearch.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Agency, year reported on and publication date, read from a report's normalized text. */
final class MetadataExtractor {

    /** The title ends at the first 年度报告 / 年报 near the top. */
    private static final Pattern TITLE_END = Pattern.compile("年度报告|年报");
    private static final int TITLE_WINDOW = 200;
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d|[〇零一二三四五六七八九]{4}) ?年度?");
    private static final Pattern TITLE_AGENCY_AFTER_YEAR = Pattern.compile("^(.+?)(?:关于)?(?:政府信息公开|政务公开|信息公开)");
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
        String title = title(text);
        String agency = null;
        Integer year = null;
        if (title != null) {
            Matcher y = YEAR.matcher(title);
            if (y.find()) {
                year = yearValue(y.group(1));
                agency = y.start() > 0 ? clean(title.substring(0, y.start()))
                        : agencyAfterYear(title.substring(y.end()));
            } else {
                agency = agencyAfterYear(title);
            }
        }
        if (year == null) {
            Matcher y = YEAR.matcher(text);
            if (y.find()) {
                year = yearValue(y.group(1));
            }
        }
        return new Metadata(agency == null || agency.isEmpty() ? null : agency, year, published(text));
    }

    private static String title(String text) {
        Matcher end = TITLE_END.matcher(text);
        if (!end.find() || end.start() > TITLE_WINDOW) {
            return null;
        }
        return text.substring(0, end.start());
    }

    private static String agencyAfterYear(String rest) {
        Matcher m = TITLE_AGENCY_AFTER_YEAR.matcher(rest.strip());
        return m.find() ? clean(m.group(1)) : null;
    }

    /** Drops spaces, brackets of the title and a trailing 关于/的. */
    private static String clean(String s) {
        String c = s.replace(" ", "").replaceAll("^[《【\\[]+|[》】\\]]+$", "");
        c = c.replaceAll("(关于|的)$", "");
        return c;
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
