package org.disclosuresearch.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bounded fuzzing of the readers: random bytes and mutated copies of the real fixtures must give a document or a
 * {@link DocumentProblem} — never another exception, never a hang. Fixed seeds keep CI reproducible; the tries
 * keep the whole class to a few seconds.
 */
class IngestFuzzProperties {

    /** Well above any single read of these small files, well below "hangs". */
    private static final Duration READ_LIMIT = Duration.ofSeconds(5);
    private static final long WALL_LIMIT_MS = READ_LIMIT.toMillis() + 2000;
    private static final Map<String, byte[]> FIXTURES = new HashMap<>();

    private final Ingestor ingestor = new Ingestor(new IngestLimits(1 << 20, READ_LIMIT));

    @Property(tries = 300, seed = "20260106", shrinking = ShrinkingMode.OFF)
    void randomBytesGiveADocumentOrAProblem(@ForAll @Size(max = 2048) byte[] bytes,
                                            @ForAll("extensions") String extension) {
        readSafely(bytes, extension);
    }

    @Property(tries = 80, seed = "20260107", shrinking = ShrinkingMode.OFF)
    void mutatedFixturesGiveADocumentOrAProblem(@ForAll("fixtures") String fixture,
                                               @ForAll @IntRange(min = 1, max = 40) int mutations,
                                               @ForAll long seed) {
        byte[] bytes = fixture(fixture).clone();
        Random random = new Random(seed);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                default -> bytes[at] = bytes[random.nextInt(bytes.length)];
            }
        }
        if (random.nextInt(4) == 0) { // sometimes cut the file short as well
            bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length));
        }
        readSafely(bytes, fixture.substring(fixture.lastIndexOf('.') + 1));
    }

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.of("pdf", "docx", "doc", "html", "txt", "bin");
    }

    @Provide
    Arbitrary<String> fixtures() {
        return Arbitraries.of(FormatFixtures.FILES);
    }

    private void readSafely(byte[] bytes, String extension) {
        Path file = null;
        try {
            file = Files.createTempFile("fuzz", "." + extension);
            Files.write(file, bytes);
            long start = System.nanoTime();
            try {
                SourceDocument doc = ingestor.read(file, file.getParent());
                assertFalse(doc.blocks().isEmpty(), "a document has blocks");
            } catch (DocumentProblem p) {
                assertTrue(p.getMessage().startsWith(file + ": "), p.getMessage());
            } catch (RuntimeException | Error e) {
                fail("reading " + bytes.length + " bytes as ." + extension + " threw " + e, e);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < WALL_LIMIT_MS, "read took " + ms + " ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static synchronized byte[] fixture(String name) {
        return FIXTURES.computeIfAbsent(name, n -> {
            try {
                return Files.readAllBytes(FormatFixtures.file(n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
