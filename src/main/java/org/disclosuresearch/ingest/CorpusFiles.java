package org.disclosuresearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The report files named by command-line arguments: files as given, folders walked recursively. */
public final class CorpusFiles {

    /** Provenance sidecars sit next to their report as {@code report.pdf.json}. */
    private static final String SIDECAR_SUFFIX = ".json";

    private CorpusFiles() {
    }

    /**
     * Regular files under each file or folder, sorted by path, without hidden files (or files in hidden folders)
     * and without sidecar {@code *.json} files. A file named directly is kept as given.
     */
    public static List<Path> list(List<Path> filesOrDirs) {
        List<Path> out = new ArrayList<>();
        for (Path start : filesOrDirs) {
            if (!Files.isDirectory(start)) {
                out.add(start);
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !isHiddenBelow(start, p))
                        .filter(p -> !p.getFileName().toString().endsWith(SIDECAR_SUFFIX))
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static boolean isHiddenBelow(Path start, Path file) {
        for (Path part : start.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
