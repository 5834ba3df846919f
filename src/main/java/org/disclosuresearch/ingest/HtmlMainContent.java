package org.disclosuresearch.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the report inside a government web page: first the content containers that Chinese government site
 * systems (TRS, Hanweb …) and common templates use, then, failing those, the smallest element that still holds
 * most of the page's non-link text, after the site's chrome (navigation, header, footer, scripts) is removed.
 */
final class HtmlMainContent {

    private static final List<String> KNOWN_CONTAINERS = List.of(
            "#zoom", ".TRS_Editor", ".trs_editor_view", "#UCAP-CONTENT", ".article-content", ".article_content",
            "#article", ".xxgk_content", ".con_content", ".detail-content", ".content_text", "#content", ".content",
            "article", "main");
    private static final String CHROME = "script, style, noscript, template, iframe, form, nav, header, footer,"
            + " aside, select, button, input";
    private static final Pattern CHROME_NAME = Pattern.compile(
            "(^|[\\s_-])(nav|navbar|menu|header|footer|breadcrumb|crumb|sidebar|banner|share|copyright|login"
                    + "|toolbar)([\\s_-]|\\d|$)", Pattern.CASE_INSENSITIVE);
    /** A known container must hold at least this share of the page's text, or it is a teaser box. */
    private static final double MIN_CONTAINER_SHARE = 0.3;
    /** Descend into a child while it holds this share of its parent's non-link text. */
    private static final double DOMINANT_SHARE = 0.7;

    private HtmlMainContent() {
    }

    /**
     * The report's title when the page shows it outside the content container (a heading above the article body),
     * or {@code null}. Only a heading that names a report (报告) counts: a site banner heading does not.
     */
    static String titleOutside(Document page, Element content) {
        for (Element heading : page.body().select("h1, h2, h3, .title, .article-title, #title")) {
            if (!heading.parents().contains(content) && heading != content && heading.text().contains("报告")) {
                return heading.text().strip();
            }
        }
        return null;
    }

    static Element pick(Document page) {
        Element body = page.body();
        body.select(CHROME).remove();
        for (Element e : List.copyOf(body.getAllElements())) {
            if (e != body && e.parent() != null && isChrome(e)) {
                e.remove();
            }
        }
        int total = nonLinkText(body);
        for (String selector : KNOWN_CONTAINERS) {
            for (Element candidate : body.select(selector)) {
                if (total > 0 && nonLinkText(candidate) >= total * MIN_CONTAINER_SHARE) {
                    return candidate;
                }
            }
        }
        return densest(body);
    }

    /** Chrome by class or id, unless the element holds a data table (some sites wrap the report in "top"). */
    private static boolean isChrome(Element e) {
        String names = e.className() + " " + e.id();
        return !names.isBlank() && CHROME_NAME.matcher(names).find() && e.getElementsByTag("table").isEmpty();
    }

    private static Element densest(Element body) {
        Element current = body;
        while (true) {
            int own = nonLinkText(current);
            Element next = null;
            for (Element child : current.children()) {
                if (nonLinkText(child) >= own * DOMINANT_SHARE) {
                    next = child;
                    break;
                }
            }
            // Stop at a table: its cells are the data, not a narrower container.
            if (next == null || own == 0 || next.normalName().matches("table|tbody|thead|tr|td|th|p")) {
                return current;
            }
            current = next;
        }
    }

    private static int nonLinkText(Element e) {
        int all = e.text().length();
        int links = 0;
        for (Element a : e.getElementsByTag("a")) {
            links += a.text().length();
        }
        return Math.max(0, all - links);
    }
}
