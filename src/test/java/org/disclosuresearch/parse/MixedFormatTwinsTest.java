package org.disclosuresearch.parse;

import org.disclosuresearch.ingest.FormatFixtures;
import org.disclosuresearch.ingest.Ingestor;
import org.disclosuresearch.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each mixed-format fixture (formats/README.md) is the seed report 001 in another format; read through the
 * ingest readers and the one label-based mapper, it must give the same report as the seed's text.
 */
class MixedFormatTwinsTest {

    static final java.util.List<String> FILES = FormatFixtures.FILES;
    private static Report twin;
    private final ReportReader reader = new ReportReader(new Ingestor(), new ReportParser());

    @BeforeAll
    static void readTwin() throws Exception {
        Path seed = FormatFixtures.twin();
        twin = new ReportReader().read(seed, seed.getParent());
        assertFalse(twin.figures().isEmpty(), "the text twin has figures");
    }

    /** Only the figures that differ, so that a failure says which cells a reader lost. */
    static String differences(java.util.Map<String, Number> expected, java.util.Map<String, Number> actual) {
        java.util.Set<String> ids = new java.util.TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String id : ids) {
            if (!java.util.Objects.equals(expected.get(id), actual.get(id))) {
                out.add(id + "=" + expected.get(id) + "→" + actual.get(id));
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void sameFiguresAndMetadataAsTheTextTwin(String name) throws Exception {
        Report report = reader.read(FormatFixtures.file(name), FormatFixtures.dir());
        assertEquals(twin.figures(), report.figures(), name + " differs: " + differences(twin.figures(),
                report.figures()) + "; note: " + report.note());
        assertEquals(twin.failedChecks(), report.failedChecks(), name);
        assertEquals(twin.template(), report.template(), name);
        assertEquals(twin.agency(), report.agency(), name);
        assertEquals(twin.year(), report.year(), name);
        assertEquals(twin.published(), report.published(), name);
        assertEquals(twin.region(), report.region(), name);
        assertEquals(name.substring(name.lastIndexOf('.') + 1), report.source().format(), name);
    }
}
