package org.disclosuresearch.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a crawler writes above a saved portal page (标题: / 发布时间: / 发布机构: / 原文链接: … then
 * ==== 正文 ====): the page's title, its publication date and its address, which are the report's provenance.
 *
 * @param title     the 标题 line, or null
 * @param published the 发布时间 date (ISO yyyy-MM-dd), or null
 * @param url       the 原文链接 address (http or https only), or null
 * @param body      the text after the 正文 marker (the whole text when there is no marker)
 */
record CrawlerHeader(String title, String published, String url, String body) {

    /** Only the first lines of a page are looked at: a header is at the top or nowhere. */
    private static final int HEADER_WINDOW = 2000;
    private static final Pattern TITLE = Pattern.compile("(?m)^\\s*标题\\s*[:：]\\s*(\\S.*?)\\s*$");
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?m)^\\s*发布(?:时间|日期)\\s*[:：]\\s*((?:19|20)\\d\\d)[-./年](\\d{1,2})[-./月](\\d{1,2})");
    private static final Pattern URL = Pattern.compile("(?m)^\\s*原文链接\\s*[:：]\\s*(https?://\\S+)\\s*$");
    private static final Pattern BODY_MARKER = Pattern.compile("(?m)^\\s*=+\\s*正文\\s*=+\\s*$");

    static CrawlerHeader of(String rawText) {
        String head = rawText.substring(0, Math.min(rawText.length(), HEADER_WINDOW));
        Matcher marker = BODY_MARKER.matcher(head);
        boolean hasMarker = marker.find();
        String header = hasMarker ? head.substring(0, marker.start()) : head;
        String title = group(TITLE.matcher(header));
        String url = group(URL.matcher(header));
        String published = null;
        Matcher date = PUBLISHED.matcher(header);
        if (date.find()) {
            published = String.format("%s-%02d-%02d", date.group(1), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)));
        }
        String body = hasMarker ? rawText.substring(marker.end()) : rawText;
        return new CrawlerHeader(title, published, url, body);
    }

    boolean present() {
        return title != null || url != null;
    }

    /**
     * Whether the page holds no report beyond its title: the crawler saved the title and perhaps a line of the
     * page around it, but no body (a report without a body has no 一、总体情况 or any other section).
     */
    boolean bodyMissing() {
        if (!present()) {
            return false;
        }
        String normalized = Normalizer.normalize(body);
        if (title != null) {
            normalized = normalized.replace(Normalizer.normalize(title), "");
        }
        return normalized.strip().length() < 300;
    }

    private static String group(Matcher m) {
        return m.find() ? m.group(1) : null;
    }
}
