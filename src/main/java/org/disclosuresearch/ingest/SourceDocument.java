package org.disclosuresearch.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * A file read by one of the format readers: its blocks in reading order plus what is known about the file.
 * Not a Lucene document: readers know nothing of figures or indexes.
 *
 * @param path         the file on disk
 * @param relativePath the path inside the corpus root, with forward slashes (stable across machines)
 * @param format       txt, pdf, docx, doc, html ({@link Format#id()}): what the content is, whatever the name says
 * @param size         bytes on disk
 * @param sha256       hex content hash
 * @param blocks       text and table blocks in reading order
 * @param provenance   from a sidecar file, or {@link Provenance#NONE}
 * @param warnings     things worth knowing that did not stop the read (a malformed sidecar, a misleading
 *                     extension); each names the file
 */
public record SourceDocument(Path path, String relativePath, String format, long size, String sha256,
                             List<Block> blocks, Provenance provenance, List<String> warnings) {
    public SourceDocument {
        blocks = List.copyOf(blocks);
        provenance = provenance == null ? Provenance.NONE : provenance;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public SourceDocument(Path path, String relativePath, String format, long size, String sha256,
                          List<Block> blocks, Provenance provenance) {
        this(path, relativePath, format, size, sha256, blocks, provenance, List.of());
    }

    /** The id of the report: the file name without its extension. */
    public String id() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
