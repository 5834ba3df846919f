package org.disclosuresearch.ingest;

import java.nio.file.Path;

/** {@link BadFiles} for tests in other packages (the index test drops them into a corpus). */
public final class BadFilesAccess {

    private BadFilesAccess() {
    }

    public static Path empty(Path dir) throws Exception {
        return BadFiles.empty(dir);
    }

    public static Path truncatedPdf(Path dir) throws Exception {
        return BadFiles.truncatedPdf(dir);
    }

    public static Path encryptedPdf(Path dir) throws Exception {
        return BadFiles.encryptedPdf(dir);
    }

    public static Path encryptedDocx(Path dir) throws Exception {
        return BadFiles.encryptedDocx(dir);
    }

    public static Path scannedPdf(Path dir) throws Exception {
        return BadFiles.scannedPdf(dir);
    }

    public static Path docxZipBomb(Path dir) throws Exception {
        return BadFiles.docxZipBomb(dir);
    }

    /** One byte over the default size limit, sparse on disk. */
    public static Path huge(Path dir) throws Exception {
        return BadFiles.huge(dir, IngestLimits.DEFAULT.maxFileBytes() + 1);
    }

    public static Path junkNamedPdf(Path dir) throws Exception {
        return BadFiles.junkNamedPdf(dir);
    }
}
