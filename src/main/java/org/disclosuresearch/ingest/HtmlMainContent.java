package org.disclosuresearch.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

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
        Measures measures = new Measures(body);
        for (Element e : List.copyOf(body.getAllElements())) {
            ReadCancellation.check();
            if (e != body && e.parent() != null && isChrome(e, measures)) {
                e.remove();
            }
        }
        measures = new Measures(body); // chrome removed: measure again, once
        int total = measures.nonLinkText(body);
        for (String selector : KNOWN_CONTAINERS) {
            for (Element candidate : body.select(selector)) {
                if (total > 0 && measures.nonLinkText(candidate) >= total * MIN_CONTAINER_SHARE) {
                    return candidate;
                }
            }
        }
        return densest(body, measures);
    }

    /** Chrome by class or id, unless the element holds a data table (some sites wrap the report in "top"). */
    private static boolean isChrome(Element e, Measures measures) {
        String names = e.className() + " " + e.id();
        return !names.isBlank() && CHROME_NAME.matcher(names).find() && !measures.holdsTable(e);
    }

    private static Element densest(Element body, Measures measures) {
        Element current = body;
        while (true) {
            ReadCancellation.check();
            int own = measures.nonLinkText(current);
            Element next = null;
            for (Element child : current.children()) {
                if (measures.nonLinkText(child) >= own * DOMINANT_SHARE) {
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

    /**
     * Per element, its non-link text length (non-blank characters outside links) and whether it holds a table,
     * measured in one pass from the leaves up. Measuring each element on its own (its {@code text()}, its tables)
     * read the whole subtree once per ancestor: quadratic in the nesting depth, hours for a page of 200,000
     * nested divs.
     */
    private static final class Measures {
        private final Map<Element, Integer> text = new IdentityHashMap<>();
        private final Set<Element> withTable = Collections.newSetFromMap(new IdentityHashMap<>());

        Measures(Element root) {
            List<Element> preorder = root.getAllElements(); // parents before children
            for (int i = preorder.size() - 1; i >= 0; i--) {
                if ((i & 1023) == 0) {
                    ReadCancellation.check();
                }
                Element e = preorder.get(i);
                boolean link = e.normalName().equals("a");
                int length = 0;
                boolean table = e.normalName().equals("table");
                for (Node child : e.childNodes()) {
                    if (child instanceof TextNode t) {
                        length += link ? 0 : nonBlank(t.getWholeText());
                    } else if (child instanceof Element c) {
                        length += link ? 0 : text.getOrDefault(c, 0);
                        table |= withTable.contains(c);
                    }
                }
                text.put(e, length);
                if (table) {
                    withTable.add(e);
                }
            }
        }

        int nonLinkText(Element e) {
            return text.getOrDefault(e, 0);
        }

        boolean holdsTable(Element e) {
            return withTable.contains(e);
        }

        private static int nonBlank(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
                    n++;
                }
            }
            return n;
        }
    }
}
