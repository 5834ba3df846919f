package org.disclosuresearch.api;

import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.disclosuresearch.search.SearchBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.disclosuresearch.api.HttpJson.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/feed.atom}: a search's newest matches as Atom, read back with an XML parser. */
class AtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    static Path tempDir;

    static SearchBackend backend;
    static ApiServer server;
    static HttpJson http;

    @BeforeAll
    static void start() throws IOException {
        backend = SampleCorpus.open(tempDir);
        server = new ApiServer(backend, ApiServer.Options.defaults("127.0.0.1", 0, SampleCorpus.DOCS)).start();
        http = new HttpJson(server.port());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        backend.close();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> entries(Document feed) {
        NodeList list = feed.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static String child(Element e, String name) {
        NodeList list = e.getElementsByTagNameNS(ATOM, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    @Test
    void aSearchIsValidAtomWithItsMatchesAsEntries() throws Exception {
        HttpJson.Response r = http.get("/api/feed.atom?q=" + enc("朋友圈"));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.contentType().startsWith("application/atom+xml"), r.contentType());
        Document feed = parse(r.body());
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        // RFC 4287: a feed has an id, a title and an updated; each entry too, plus a link
        assertTrue(child(root, "title").contains("朋友圈"), child(root, "title"));
        assertTrue(child(root, "id").startsWith("urn:uuid:"));
        Instant.parse(child(root, "updated"));
        long total = http.get("/api/search?q=" + enc("朋友圈")).json().get("total").asLong();
        List<Element> entries = entries(feed);
        assertEquals(total, entries.size());
        for (Element e : entries) {
            assertTrue(child(e, "id").startsWith("urn:uuid:"));
            assertFalse(child(e, "title").isBlank());
            Instant.parse(child(e, "updated"));
            String href = ((Element) e.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href");
            assertTrue(href.startsWith("http://127.0.0.1:" + server.port() + "/?q=") && href.contains("&report="), href);
        }
        // a query error is the API's JSON 400, not a broken feed
        HttpJson.Response bad = http.get("/api/feed.atom?q=" + enc("\"依申请公开"));
        assertEquals(400, bad.status());
        assertEquals("q", bad.json().get("parameter").asText());
    }

    /** Newest first by the time they were indexed; the whole index without a query. */
    @Test
    void entriesAreTheNewestIndexedFirst() throws Exception {
        List<Element> entries = entries(parse(http.get("/api/feed.atom").body()));
        assertEquals(5, entries.size());
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(Instant.parse(child(entries.get(i), "updated"))
                    .isAfter(Instant.parse(child(entries.get(i - 1), "updated"))));
        }
    }

    /** Markup in a report's strings and in the query stays text: the feed still parses and says it literally. */
    @Test
    void everythingIsEscaped() throws Exception {
        String hostile = "<script>alert(1)</script> & \"]]>";
        Report report = Report.builder().id("r&1").agency(hostile).year(2021).agencyType("其他<b>")
                .source(new SourceInfo("r.txt", "txt", 1, "abc", null, null)).build();
        String xml = AtomFeed.write("http://h", "q=" + enc(hostile), hostile,
                List.of(new SearchBackend.IndexedReport(report, Instant.parse("2026-01-02T03:04:05Z"))));
        Document feed = parse(xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(child(feed.getDocumentElement(), "title").endsWith(hostile));
        Element entry = entries(feed).get(0);
        assertTrue(child(entry, "title").startsWith(hostile));
        assertTrue(child(entry, "summary").contains("其他<b>"));
        assertEquals("2026-01-02T03:04:05Z", child(entry, "updated"));
        assertFalse(xml.contains("<script>"), xml);
    }

    /** The same files indexed again, into a new index, give every entry the same id. */
    @Test
    void idsAreStableAcrossReindexing(@TempDir Path other) throws Exception {
        List<String> before = entries(parse(http.get("/api/feed.atom").body())).stream().map(e -> child(e, "id"))
                .sorted().toList();
        Path index = other.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            indexer.update(List.of(SampleCorpus.DOCS), IndexProgress.NONE);
        }
        try (SearchBackend again = LuceneSearchBackend.open(index);
             ApiServer second = new ApiServer(again, ApiServer.Options.defaults("127.0.0.1", 0, SampleCorpus.DOCS))
                     .start()) {
            List<String> after = entries(parse(new HttpJson(second.port()).get("/api/feed.atom").body())).stream()
                    .map(e -> child(e, "id")).sorted().toList();
            assertEquals(before, after);
            assertEquals(5, before.stream().distinct().count());
        }
        assertTrue(Files.isDirectory(index));
    }
}
