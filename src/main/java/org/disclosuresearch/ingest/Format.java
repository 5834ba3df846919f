package org.disclosuresearch.ingest;

/** The file formats reports come in; {@link #id()} is what {@link SourceDocument#format()} holds. */
public enum Format {
    TXT("txt"), PDF("pdf"), DOCX("docx"), DOC("doc"), HTML("html");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
