package org.disclosuresearch.api;

import org.disclosuresearch.ingest.DocsFolder;
import org.disclosuresearch.report.SourceInfo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a report's original file inside the docs root. The path comes from the index (the report's
 * {@code source.path}), never from the request, and is still checked to stay inside the root after resolving
 * {@code ..} and symbolic links (the {@link DocsFolder} rule), so that a poisoned index cannot serve
 * {@code /etc/passwd}.
 */
final class OriginalFiles {
    private final DocsFolder folder;

    /** @param folder the corpus folder given to {@code serve --docs} and its link rule, or null when not available */
    OriginalFiles(DocsFolder folder) {
        this.folder = folder;
    }

    boolean available() {
        return folder != null;
    }

    Optional<Path> locate(SourceInfo source) {
        if (folder == null || source == null) {
            return Optional.empty();
        }
        return folder.locate(source.path());
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
