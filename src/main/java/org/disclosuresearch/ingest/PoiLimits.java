package org.disclosuresearch.ingest;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

import java.nio.file.Path;
import java.util.Locale;

/**
 * POI's guards against zip bombs and oversized records, set once for the JVM (POI keeps them in statics).
 * A report's document.xml is a few megabytes; a compression ratio beyond 1:100 is a bomb, not a report.
 */
final class PoiLimits {

    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    /** POI's own default (10 Mi characters); a report's text is well below it. */
    static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;
    static final int MAX_RECORD_BYTES = 100 * 1024 * 1024;

    private PoiLimits() {
    }

    private static boolean applied;

    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
        IOUtils.setByteArrayMaxOverride(MAX_RECORD_BYTES);
    }

    /** What a POI failure means for the user: a bomb, a password, or a broken file. */
    static DocumentProblem problem(Path file, String format, Throwable e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("zip bomb") || lower.contains("max entry size") || lower.contains("text size")
                || lower.contains("exceeds the maximum") || lower.contains("tried to allocate")) {
            return new DocumentProblem(file, DocumentProblem.Kind.TOO_COMPLEX,
                    format + " expands beyond the safety limits (zip bomb?): " + firstLine(message), e);
        }
        if (e instanceof EncryptedDocumentException || lower.contains("encrypt") || lower.contains("password")) {
            return new DocumentProblem(file, DocumentProblem.Kind.ENCRYPTED, format + " is encrypted", e);
        }
        return new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE,
                "broken " + format + ": " + firstLine(message), e);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
