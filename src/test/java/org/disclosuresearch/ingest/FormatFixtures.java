package org.disclosuresearch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where the committed format fixtures and their text twin are (test resources, see formats/README.md). */
public final class FormatFixtures {

    public static final String NAME = "weihai-ylbzj-2021";
    public static final String TWIN = "001_93bb57e9bc1ba9ba.txt";
    public static final List<String> FILES = List.of(NAME + ".docx", NAME + ".doc", NAME + ".pdf", NAME + ".html",
            NAME + "-gbk.txt", NAME + "-utf16.txt");

    private FormatFixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(Objects.requireNonNull(FormatFixtures.class.getResource("/formats/" + FILES.get(0)))
                    .toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static Path twin() {
        return dir().resolveSibling("seeds").resolve(TWIN);
    }

    public static String twinText() {
        try (InputStream in = Objects.requireNonNull(FormatFixtures.class.getResourceAsStream("/seeds/" + TWIN))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
