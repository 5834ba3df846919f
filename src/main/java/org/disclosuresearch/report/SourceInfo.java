package org.disclosuresearch.report;

/**
 * Where a report came from: the file's format and size, and the provenance a sidecar file may give
 * (the URL it was fetched from and when), so that a journalist can cite the original.
 *
 * @param path    path of the source file relative to the corpus root (forward slashes)
 * @param format  txt, pdf, docx, doc, html
 * @param size    size of the source file in bytes
 * @param sha256  content hash of the source file (incremental indexing)
 * @param url     original URL from the sidecar, or null
 * @param fetched date (ISO) the original was fetched, from the sidecar, or null
 */
public record SourceInfo(String path, String format, long size, String sha256, String url, String fetched) {
}
