package org.disclosuresearch.ingest;

import java.nio.file.Path;

/**
 * Why one file could not become a report. Typed, so that a batch can count and summarise its failures;
 * the message always names the file and says what is wrong.
 */
public class DocumentProblem extends Exception {

    public enum Kind {
        EMPTY("empty file"),
        TOO_LARGE("file too large"),
        TEXT_TOO_LONG("too much text for one report"),
        UNREADABLE("cannot be read"),
        ENCRYPTED("password-protected"),
        NEEDS_OCR("no text layer (scanned images, needs OCR)"),
        UNSUPPORTED_FORMAT("unsupported format"),
        NOT_A_REPORT("not a disclosure annual report"),
        TIMEOUT("took too long to read"),
        TOO_COMPLEX("exceeds the safety limits for untrusted files");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Path file;
    private final Kind kind;

    public DocumentProblem(Path file, Kind kind, String detail) {
        this(file, kind, detail, null);
    }

    public DocumentProblem(Path file, Kind kind, String detail, Throwable cause) {
        super(file + ": " + kind.label() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.file = file;
        this.kind = kind;
    }

    public Path file() {
        return file;
    }

    public Kind kind() {
        return kind;
    }
}
