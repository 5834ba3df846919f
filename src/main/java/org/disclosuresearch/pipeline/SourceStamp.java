package org.disclosuresearch.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a sink keeps of a report's source file to tell, on the next run, whether it changed: its content hash, and its
 * size and modification time, which are compared first so that an unchanged corpus is not read again.
 *
 * @param sha256   content hash (hex), or null/"" when unknown
 * @param size     bytes, or -1 when unknown
 * @param modified modification time in epoch milliseconds, or -1 when unknown (then the file is hashed)
 */
public record SourceStamp(String sha256, long size, long modified) {
    /**
     * A file modified this close to the moment it was looked at may be written again within the same clock tick
     * without its time moving: its time is not trusted (recorded unknown), so the next run hashes it.
     */
    static final long RACY_MILLIS = 2_000;

    public static SourceStamp hashOnly(String sha256) {
        return new SourceStamp(sha256, -1, -1);
    }

    /**
     * The size and time of {@code file}, without its hash: from the attributes a folder walk has just read
     * ({@code known}), so that a million-file corpus is not stat-ed twice; read now when {@code known} is null.
     */
    static SourceStamp of(Path file, BasicFileAttributes known) throws IOException {
        BasicFileAttributes a = known != null ? known : Files.readAttributes(file, BasicFileAttributes.class);
        long modified = a.lastModifiedTime().toMillis();
        boolean racy = modified > System.currentTimeMillis() - RACY_MILLIS;
        return new SourceStamp(null, a.size(), racy ? -1 : modified);
    }

    SourceStamp withHash(String hash) {
        return new SourceStamp(hash, size, modified);
    }

    /** Whether {@code now} (size and time, no hash) is the file this stamp was taken of, without reading it. */
    boolean sameFileAs(SourceStamp now) {
        return modified >= 0 && size >= 0 && sha256 != null && !sha256.isEmpty()
                && modified == now.modified && size == now.size;
    }
}
