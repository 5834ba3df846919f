package org.disclosuresearch.api;

import org.disclosuresearch.report.SourceInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a report's original file inside the docs root. The path comes from the index (the report's
 * {@code source.path}), never from the request, and is still checked to stay inside the root after resolving
 * {@code ..} and symbolic links, so that a poisoned index cannot serve {@code /etc/passwd}.
 */
final class OriginalFiles {
    private final Path root;

    /** @param root the corpus folder given to {@code serve --docs}, or null when originals are not available */
    OriginalFiles(Path root) {
        this.root = root;
    }

    boolean available() {
        return root != null;
    }

    Optional<Path> locate(SourceInfo source) {
        if (root == null || source == null || source.path() == null || source.path().isBlank()) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(source.path()).normalize();
            if (!candidate.startsWith(realRoot) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    static String contentType(String format) {
        if (format == null) {
            return "application/octet-stream";
        }
        return switch (format) {
            case "pdf" -> "application/pdf";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "doc" -> "application/msword";
            // served as plain bytes, never rendered: an HTML original must not run script on this origin
            case "html", "txt" -> "text/plain";
            default -> "application/octet-stream";
        };
    }
}
