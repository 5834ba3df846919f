package org.disclosuresearch.bench;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The second Solr peer: stock Solr set up for Chinese the way Solr's reference guide shows (a smartcn text field,
 * {@code stock-solr/conf} in this module), the engine a newsroom would pick instead. It answers the query mix as its
 * users would ask it: edismax over the text with all words required ({@code q.op=AND}), a phrase in double quotes
 * (a phrase query of smartcn's words), facets and ranges as filter queries, sorts, JSON facet aggregates, a page of
 * 10 with highlighted snippets, deep pages by {@code start}.
 */
final class StockSolr implements QueryEngine {

    static final String CONFIGSET = "stock-smartcn";
    private static final String[] CONF_FILES = {"schema.xml", "solrconfig.xml"};
    private static final Pattern FIGURE_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int BATCH = 500;

    private final SolrClient client;
    private final String collection;

    StockSolr(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    @Override
    public String name() {
        return "stock-solr-smartcn";
    }

    /** Uploads the configset (ConfigSets API) and creates the collection, 1 shard, 1 replica, waiting until active. */
    static StockSolr create(SolrClient client, String collection, Path work) throws IOException {
        Path zip = work.resolve(CONFIGSET + ".zip");
        Files.createDirectories(work);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : CONF_FILES) {
                try (InputStream in = StockSolr.class.getResourceAsStream("/stock-solr/conf/" + name)) {
                    if (in == null) {
                        throw new IOException("stock Solr configset file " + name + " missing from the bench jar");
                    }
                    z.putNextEntry(new ZipEntry(name));
                    in.transferTo(z);
                    z.closeEntry();
                }
            }
        }
        try {
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
            upload.setConfigSetName(CONFIGSET);
            upload.setUploadFile(zip.toFile(), "application/zip");
            upload.setOverwrite(true);
            upload.process(client);
            CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, CONFIGSET, 1, 1);
            create.setWaitForFinalState(true);
            create.process(client);
        } catch (SolrServerException e) {
            throw new IOException("creating the stock Solr collection " + collection + " failed: " + e.getMessage(), e);
        }
        return new StockSolr(client, collection);
    }

    /** The report as a stock Solr document: the text as the parser read it, facets, figures as point fields. */
    static SolrInputDocument toDocument(Report r) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField("id", r.id());
        doc.addField("text", r.text() == null ? "" : r.text());
        if (r.agency() != null) {
            doc.addField("agency", r.agency());
        }
        if (r.agencyType() != null) {
            doc.addField("agencyType", r.agencyType());
        }
        if (r.region() != null && r.region().province() != null) {
            doc.addField("province", r.region().province());
        }
        if (r.region() != null && r.region().city() != null) {
            doc.addField("city", r.region().city());
        }
        if (r.year() != null) {
            doc.addField("year", r.year());
        }
        for (Map.Entry<String, Number> f : r.figures().entrySet()) {
            doc.addField("fig_" + f.getKey(), f.getValue().doubleValue());
        }
        return doc;
    }

    /** Batches documents to the collection; {@link #commit} sends the rest and makes them visible. */
    final class Loader {
        private final List<SolrInputDocument> batch = new ArrayList<>();

        void add(Report report) throws IOException {
            batch.add(toDocument(report));
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        void flush() throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            try {
                client.add(collection, batch);
            } catch (SolrServerException e) {
                throw new IOException("stock Solr: adding " + batch.size() + " reports failed: " + e.getMessage(), e);
            }
            batch.clear();
        }

        void commit() throws IOException {
            flush();
            try {
                client.commit(collection);
            } catch (SolrServerException e) {
                throw new IOException("stock Solr: commit failed: " + e.getMessage(), e);
            }
        }
    }

    Loader loader() {
        return new Loader();
    }

    /** The Solr request a query of the mix stands for. */
    SolrQuery request(BenchQuery q) {
        SolrQuery s = new SolrQuery();
        if (q.text().isEmpty()) {
            s.setQuery("*:*");
        } else {
            s.setQuery(q.phrase() ? quoted(q.text()) : q.text());
            s.set("q.op", "AND");
            s.setHighlight(true).set("hl.method", "unified").set("hl.fl", "text").set("hl.snippets", 1);
        }
        q.facets().forEach((dim, value) -> s.addFilterQuery("{!term f=" + dim + "}" + value));
        if (q.figure() != null && q.min() != null) {
            s.addFilterQuery(field(q.figure()) + ":[" + q.min() + " TO *]");
        }
        if (q.kind() == BenchQuery.Kind.SORT_BY_FIGURE) {
            s.setSort(field(q.figure()), SolrQuery.ORDER.desc);
        }
        if (q.kind() == BenchQuery.Kind.AGGREGATE) {
            String f = field(q.figure());
            s.setRows(0);
            s.set("json.facet", "{province:{type:terms,field:province,limit:-1,facet:{sum:\"sum(" + f
                    + ")\",min:\"min(" + f + ")\",max:\"max(" + f + ")\",avg:\"avg(" + f + ")\"}}}");
        } else {
            s.setRows(BenchQuery.PAGE_SIZE);
            s.setStart((q.page() - 1) * BenchQuery.PAGE_SIZE);
            s.setFields("id", "agency", "year");
        }
        return s;
    }

    @Override
    public Prepared prepare(BenchQuery query) {
        SolrQuery request = request(query);
        return () -> query(request).getResults().getNumFound();
    }

    /** Ids of every report the stock engine returns for a quoted phrase (cursorMark over all of them). */
    List<String> phraseIds(String phrase) {
        List<String> ids = new ArrayList<>();
        SolrQuery q = new SolrQuery(quoted(phrase)).setFields("id").setRows(1000).setSort("id", SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(q);
            for (SolrDocument d : r.getResults()) {
                ids.add((String) d.getFirstValue("id"));
            }
            if (cursor.equals(r.getNextCursorMark())) {
                return ids;
            }
            cursor = r.getNextCursorMark();
        }
    }

    private QueryResponse query(SolrQuery q) {
        try {
            return client.query(collection, q);
        } catch (SolrServerException | IOException e) {
            throw new IllegalStateException("stock Solr: " + q + " failed: " + e.getMessage(), e);
        }
    }

    private static String quoted(String phrase) {
        return '"' + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String field(String figureId) {
        if (!FIGURE_ID.matcher(figureId).matches() || !FigureCatalog.get().contains(figureId)) {
            throw new IllegalArgumentException("not a figure id: " + figureId);
        }
        return "fig_" + figureId;
    }
}
