package org.disclosuresearch.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report published as a web page: only the report's own content (picked by {@link HtmlMainContent}), its
 * paragraphs as text and its data tables as grids. Layout tables (old sites nest the page in tables) are walked
 * into, not read as data.
 */
final class HtmlReader implements FormatReader {

    private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "tr", "section", "article", "blockquote", "pre", "dd", "dt", "hr", "center", "ul", "ol", "table");
    /** Markup nested deeper than this is not a report; the cap keeps the walk's stack bounded. */
    private static final int MAX_DEPTH = 200;

    @Override
    public List<Block> read(byte[] bytes, Path file, List<String> warnings) throws DocumentProblem {
        String html = decode(bytes);
        if (html == null) {
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE,
                    "web page in no supported encoding (UTF-8, UTF-16, GBK/GB18030)");
        }
        Document page = Jsoup.parse(html, "", Parser.htmlParser());
        Element content = HtmlMainContent.pick(page);
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String title = HtmlMainContent.titleOutside(page, content);
        if (title != null) {
            text.append(title).append('\n');
        }
        walk(content, text, blocks, 0);
        flushNormalized(text, blocks);
        if (blocks.isEmpty()) {
            throw new DocumentProblem(file, DocumentProblem.Kind.EMPTY, "web page without text");
        }
        return blocks;
    }

    /**
     * Charset by byte order mark, clean UTF-8, then the page's own meta declaration (a GBK page usually says so),
     * then detection.
     */
    private static String decode(byte[] bytes) {
        Charset detected = TextDecoder.detect(bytes);
        if (detected != null && detected != TextDecoder.GB18030) {
            return TextDecoder.decodeOrNull(bytes);
        }
        String asciiHead = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(asciiHead);
        if (m.find()) {
            String declared = m.group(1).toUpperCase(Locale.ROOT);
            if (declared.equals("GBK") || declared.equals("GB2312") || declared.equals("GB18030")) {
                return new String(bytes, TextDecoder.GB18030);
            }
        }
        String strict = TextDecoder.decodeOrNull(bytes);
        if (strict != null) {
            return strict;
        }
        TextDecoder.Lenient lenient = TextDecoder.decodeLeniently(bytes);
        return lenient == null ? null : lenient.text();
    }

    private static void walk(Node node, StringBuilder text, List<Block> blocks, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                text.append(t.getWholeText().replaceAll("[\\s\\u00A0]+", " "));
            } else if (child instanceof Element e) {
                ReadCancellation.check();
                String tag = e.normalName();
                if (tag.equals("table") && isDataTable(e)) {
                    flushNormalized(text, blocks);
                    TableBlock table = readTable(e);
                    if (!table.rows().isEmpty()) {
                        blocks.add(table);
                    }
                    continue;
                }
                boolean block = BLOCK_TAGS.contains(tag) || tag.equals("td") || tag.equals("th");
                if (block) {
                    text.append('\n');
                }
                walk(e, text, blocks, depth + 1);
                if (block) {
                    text.append('\n');
                }
            }
        }
    }

    /** A table that holds other tables is page layout; the tables inside it carry the data. */
    private static boolean isDataTable(Element table) {
        return table.select("table table").isEmpty() && table.getElementsByTag("table").size() == 1;
    }

    private static TableBlock readTable(Element table) {
        GridBuilder grid = new GridBuilder();
        for (Element tr : table.select("tr")) {
            ReadCancellation.check();
            grid.startRow();
            for (Element cell : tr.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    grid.addCell(TextBlocks.oneLine(cell.wholeText()), span(cell, "rowspan"), span(cell, "colspan"));
                }
            }
        }
        return grid.build();
    }

    private static int span(Element cell, String attribute) {
        try {
            return Integer.parseInt(cell.attr(attribute).strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** HTML source line breaks mean nothing; the walk put a newline at each block element instead. */
    private static void flushNormalized(StringBuilder text, List<Block> blocks) {
        String t = text.toString().replaceAll(" *\n[ \n]*", "\n");
        text.setLength(0);
        text.append(t);
        TextBlocks.flush(text, blocks);
    }
}
