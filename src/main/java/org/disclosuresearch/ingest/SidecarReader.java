package org.disclosuresearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the optional provenance sidecar beside a report ({@code report.pdf} → {@code report.pdf.json}:
 * {@code {"url": "https://…", "fetched": "2022-01-20"}}). A sidecar is a convenience: a broken one costs a
 * warning, never the report. The URL ends up as a link on the report page, so only http(s) URLs are kept.
 */
final class SidecarReader {

    static final String SUFFIX = ".json";
    private static final long MAX_SIDECAR_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SidecarReader() {
    }

    static Path sidecarOf(Path report) {
        return report.resolveSibling(report.getFileName() + SUFFIX);
    }

    /** The provenance, or {@link Provenance#NONE}; problems are added to {@code warnings}. */
    static Provenance read(Path report, List<String> warnings) {
        Path sidecar = sidecarOf(report);
        if (!Files.isRegularFile(sidecar)) {
            return Provenance.NONE;
        }
        try {
            if (Files.size(sidecar) > MAX_SIDECAR_BYTES) {
                warnings.add(sidecar + ": sidecar ignored (larger than " + MAX_SIDECAR_BYTES + " bytes)");
                return Provenance.NONE;
            }
            JsonNode node = MAPPER.readTree(Files.readAllBytes(sidecar));
            if (node == null || !node.isObject()) {
                warnings.add(sidecar + ": sidecar ignored (not a JSON object)");
                return Provenance.NONE;
            }
            return new Provenance(url(node.get("url"), sidecar, warnings), fetched(node.get("fetched"), sidecar,
                    warnings));
        } catch (IOException e) {
            warnings.add(sidecar + ": sidecar ignored (malformed JSON: " + PoiLimits.firstLine(e.getMessage()) + ")");
            return Provenance.NONE;
        }
    }

    private static String url(JsonNode value, Path sidecar, List<String> warnings) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        warnings.add(sidecar + ": url ignored (not an http(s) URL: " + shorten(text) + ")");
        return null;
    }

    /** An ISO date; a date-time is cut to its date. */
    private static String fetched(JsonNode value, Path sidecar, List<String> warnings) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toLocalDate().toString();
            } catch (DateTimeParseException notADateTime) {
                warnings.add(sidecar + ": fetched ignored (not an ISO date: " + shorten(text) + ")");
                return null;
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
