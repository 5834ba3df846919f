package org.disclosuresearch.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a report back from its JSON (what {@code parse} prints, what an index stores), figures typed. */
public final class ReportJson {
    private ReportJson() {
    }

    private static final ObjectReader READER = Json.mapper().readerFor(Report.class)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.USE_LONG_FOR_INTS)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // Region serializes isEmpty() as "empty"

    /**
     * The report in {@code json}, figures typed as the catalogue says (Long counts, BigDecimal 万元).
     *
     * @throws IOException when it is not a report's JSON
     */
    public static Report read(String json) throws IOException {
        Report r = READER.readValue(json);
        if (r == null) {
            throw new IOException("not a report: " + json);
        }
        return typed(r);
    }

    /** {@link #read(String)} from {@code length} bytes of UTF-8 JSON at {@code offset}, without a String between. */
    public static Report read(byte[] utf8, int offset, int length) throws IOException {
        Report r = READER.readValue(utf8, offset, length);
        if (r == null) {
            throw new IOException("not a report: " + new String(utf8, offset, length, StandardCharsets.UTF_8));
        }
        return typed(r);
    }

    private static Report typed(Report r) {
        Map<String, Number> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Number> e : r.figures().entrySet()) {
            Figure figure = FigureCatalog.get().find(e.getKey()).orElse(null);
            Number v = e.getValue();
            if (figure != null && v != null) {
                v = figure.isDecimal() ? new BigDecimal(v.toString()) : (Number) v.longValue();
            }
            typed.put(e.getKey(), v);
        }
        return r.toBuilder().figures(typed).build();
    }
}
