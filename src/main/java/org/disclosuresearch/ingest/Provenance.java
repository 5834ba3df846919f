package org.disclosuresearch.ingest;

/** What a sidecar file ({@code report.pdf.json}) says about where a report came from; fields may be null. */
public record Provenance(String url, String fetched) {
    public static final Provenance NONE = new Provenance(null, null);
}
