package org.disclosuresearch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads one file into a {@link SourceDocument}. (Foundation version: UTF-8 text only; the format readers of
 * issue 6 plug in here.)
 */
public final class Ingestor {

    private final IngestLimits limits;

    public Ingestor(IngestLimits limits) {
        this.limits = limits;
    }

    public Ingestor() {
        this(IngestLimits.DEFAULT);
    }

    public SourceDocument read(Path file, Path root) throws DocumentProblem {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new DocumentProblem(file, DocumentProblem.Kind.EMPTY, "0 bytes");
            }
            if (size > limits.maxFileBytes()) {
                throw new DocumentProblem(file, DocumentProblem.Kind.TOO_LARGE,
                        size + " bytes, limit " + limits.maxFileBytes());
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE, e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new SourceDocument(file, relativePath(file, root), "txt", bytes.length, sha256(bytes),
                List.of(new TextBlock(text)), Provenance.NONE);
    }

    static String relativePath(Path file, Path root) {
        Path rel = root == null ? file.getFileName() : root.toAbsolutePath().normalize()
                .relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
