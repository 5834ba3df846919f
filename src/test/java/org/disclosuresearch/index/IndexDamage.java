package org.disclosuresearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Damages an index on disk the way a bad disk or a stray write does, for the tests of index health. */
public final class IndexDamage {
    private IndexDamage() {
    }

    /**
     * Flips bytes inside the stored fields, wherever they are (their own .fdt file, or inside a compound file):
     * found by the codec name at the start of the stored-fields data.
     */
    public static void corruptStoredFields(Path index) throws IOException {
        try (Stream<Path> s = Files.list(index)) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".fdt") && !name.endsWith(".cfs")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                int at = indexOf(bytes, "StoredFields".getBytes(StandardCharsets.US_ASCII));
                if (at < 0) {
                    continue;
                }
                for (int i = at + 200; i < at + 260 && i < bytes.length - 16; i++) {
                    bytes[i] = (byte) ~bytes[i];
                }
                Files.write(f, bytes);
                return;
            }
        }
        throw new IllegalStateException("no stored fields found in " + index);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
