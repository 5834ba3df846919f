package org.disclosuresearch.bench;

import org.disclosuresearch.synthetic.TableLayout;
import org.disclosuresearch.synthetic.SyntheticReportGenerator;
import org.disclosuresearch.synthetic.SyntheticReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticCorpusTest {

    @Test
    void sameSeedBuildsTheSameCorpusAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
        SyntheticCorpus a = new SyntheticCorpus(tmp.resolve("a"), 7);
        SyntheticCorpus b = new SyntheticCorpus(tmp.resolve("b"), 7);
        SyntheticCorpus c = new SyntheticCorpus(tmp.resolve("c"), 8);
        a.ensure(200, n -> { });
        b.ensure(200, n -> { });
        c.ensure(200, n -> { });
        for (long i = 0; i < 200; i++) {
            assertEquals(Files.readString(a.file(i)), Files.readString(b.file(i)), "report " + i + " differs between two runs");
        }
        assertNotEquals(Files.readString(a.file(0)), Files.readString(c.file(0)));
    }

    @Test
    void aResumedOrExtendedBuildMatchesOneBuiltInOneGo(@TempDir Path tmp) throws IOException {
        SyntheticCorpus stepwise = new SyntheticCorpus(tmp.resolve("s"), 3);
        assertEquals(100, stepwise.ensure(100, n -> { }));
        assertEquals(0, stepwise.ensure(100, n -> { }), "a complete corpus is reused, not rebuilt");
        assertEquals(100, stepwise.ensure(200, n -> { }));
        SyntheticCorpus whole = new SyntheticCorpus(tmp.resolve("w"), 3);
        whole.ensure(200, n -> { });
        for (long i = 0; i < 200; i++) {
            assertEquals(Files.readString(whole.file(i)), Files.readString(stepwise.file(i)));
        }
        assertEquals(200, stepwise.complete());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SyntheticCorpus(tmp.resolve("s"), 4).ensure(100, n -> { }));
        assertTrue(e.getMessage().contains("seed 3"), e.getMessage());
        IllegalStateException share = assertThrows(IllegalStateException.class,
                () -> new SyntheticCorpus(tmp.resolve("s"), 3, 0.5).ensure(100, n -> { }));
        assertTrue(share.getMessage().contains("crawled share 0.2"), share.getMessage());
    }

    @Test
    void rootsHoldExactlyTheFirstNReports(@TempDir Path tmp) throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(tmp, 1);
        corpus.ensure(1300, n -> { });
        List<Path> roots = corpus.roots(1200);
        Set<String> files = new HashSet<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> files.add(p.getFileName().toString()));
            }
        }
        assertEquals(1200, files.size());
        assertTrue(files.contains("r0001199.txt") && !files.contains("r0001200.txt"));
        assertThrows(IllegalArgumentException.class, () -> corpus.roots(150));
    }

}
