package org.disclosuresearch.api;

import org.disclosuresearch.report.Report;
import org.disclosuresearch.search.SearchBackend.IndexedReport;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A search as an Atom feed (RFC 4287): its newest matching reports by the time they were indexed, so that a feed
 * reader tells a journalist of each new report that mentions the phrase. Written with an XML writer, so every
 * report string is escaped. An entry's id comes from the report's id and its file's content hash: indexing the same
 * file again (or into a new index) gives the same id, a changed file a new one.
 */
final class AtomFeed {
    static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The instant a feed with no entry says it was updated: fixed, so that an empty feed does not seem to change. */
    private static final Instant EPOCH = Instant.EPOCH;

    private AtomFeed() {
    }

    /**
     * @param base        the server's address ("http://127.0.0.1:7070"), for absolute links
     * @param searchQuery the search's parameters as a query string (may be empty), for the page and self links
     * @param title       what the search is ("依申请公开"), or empty for every report
     */
    static String write(String base, String searchQuery, String title, List<IndexedReport> entries) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "title", "政府信息公开年度报告检索" + (title.isBlank() ? "：全部报告" : "：" + title));
            text(xml, "subtitle", "新收录的、符合此检索条件的年度报告（按收录时间，最新在前）");
            text(xml, "id", uuid("feed?" + searchQuery));
            Instant updated = entries.stream().map(IndexedReport::indexedAt).max(Instant::compareTo).orElse(EPOCH);
            text(xml, "updated", time(updated));
            link(xml, "self", base + "/api/feed.atom" + (searchQuery.isEmpty() ? "" : "?" + searchQuery),
                    "application/atom+xml");
            link(xml, "alternate", base + "/" + (searchQuery.isEmpty() ? "" : "?" + searchQuery), "text/html");
            xml.writeStartElement("author");
            text(xml, "name", "disclosure-search");
            xml.writeEndElement();
            for (IndexedReport e : entries) {
                entry(xml, base, searchQuery, e);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, String base, String searchQuery, IndexedReport e)
            throws XMLStreamException {
        Report r = e.report();
        xml.writeStartElement("entry");
        String name = Objects.requireNonNullElse(r.agency(), r.id());
        text(xml, "title", name + (r.year() == null ? "" : " " + r.year() + " 年度") + "政府信息公开工作年度报告");
        String hash = r.source() == null || r.source().sha256() == null ? "" : r.source().sha256();
        text(xml, "id", uuid("report/" + r.id() + "/" + hash));
        text(xml, "updated", time(e.indexedAt()));
        if (r.published() != null && r.published().matches("\\d{4}-\\d{2}-\\d{2}")) {
            text(xml, "published", r.published() + "T00:00:00Z");
        }
        String page = base + "/?" + (searchQuery.isEmpty() ? "" : searchQuery + "&") + "report="
                + java.net.URLEncoder.encode(r.id(), StandardCharsets.UTF_8);
        link(xml, "alternate", page, "text/html");
        String region = java.util.stream.Stream.of(r.region().province(), r.region().city(), r.region().county())
                .filter(Objects::nonNull).collect(Collectors.joining(" › "));
        text(xml, "summary", java.util.stream.Stream.of(name, r.year() == null ? null : r.year() + " 年度",
                        region.isEmpty() ? null : region, r.agencyType(),
                        r.failedChecks().isEmpty() ? null : r.failedChecks().size() + " 项勾稽校验未通过")
                .filter(Objects::nonNull).collect(Collectors.joining(" · ")));
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** A stable URN for a name (RFC 4122 name-based UUID): the same name always gives the same id. */
    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("disclosure-search:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
