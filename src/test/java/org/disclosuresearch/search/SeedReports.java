package org.disclosuresearch.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import org.disclosuresearch.index.Indexer;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five seed reports as the parser should produce them: metadata and figures from the hand-checked
 * seeds-expected.json, normalized text from the seed files. Independent of the parser, so the index tests test the
 * index.
 */
public final class SeedReports {
    private SeedReports() {
    }

    public static List<Report> load() {
        try (InputStream in = resource("seeds-expected.json")) {
            JsonNode root = Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(in);
            List<Report> out = new ArrayList<>();
            for (JsonNode n : root) {
                String file = n.get("file").asText();
                String id = file.substring(0, file.lastIndexOf('.'));
                byte[] bytes;
                try (InputStream t = resource(file)) {
                    bytes = t.readAllBytes();
                }
                String text = Normalizer.normalize(new String(bytes, StandardCharsets.UTF_8));
                Map<String, Number> figures = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.get("figures").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Figure f = FigureCatalog.get().require(e.getKey());
                    figures.put(e.getKey(), f.isDecimal() ? new BigDecimal(e.getValue().asText())
                            : (Number) e.getValue().asLong());
                }
                JsonNode region = n.get("region");
                List<String> failed = new ArrayList<>();
                n.path("failedChecks").forEach(c -> failed.add(c.asText()));
                out.add(Report.builder()
                        .id(id)
                        .file(file)
                        .agency(n.get("agency").asText())
                        .year(n.get("year").isNull() ? null : n.get("year").asInt())
                        .published(textOrNull(n.get("published")))
                        .template(textOrNull(n.get("template")))
                        .region(new Region(textOrNull(region.get("province")), textOrNull(region.get("city")), textOrNull(region.get("county"))))
                        .agencyType(n.get("agencyType").asText())
                        .figures(figures)
                        .failedChecks(failed)
                        .source(new SourceInfo(file, "txt", bytes.length, null, null, null))
                        .text(text)
                        .build());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes the seeds into {@code indexDir} with the project's Indexer and opens a backend on it. */
    public static LuceneSearchBackend indexAndOpen(Path indexDir, List<Report> seeds) throws IOException {
        try (Indexer indexer = new Indexer(indexDir, IndexerConfig.defaults())) {
            indexer.index(seeds);
        }
        return LuceneSearchBackend.open(indexDir);
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static InputStream resource(String name) {
        InputStream in = SeedReports.class.getResourceAsStream("/seeds/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /seeds/" + name);
        }
        return in;
    }
}
