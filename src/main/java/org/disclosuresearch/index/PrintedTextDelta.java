package org.disclosuresearch.index;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.parse.Normalizer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The printed text stored as what it has beyond the normalized text, which the index stores anyway. The normalizer
 * maps every normalized char to one printed char, so the printed text is the normalized one with, at some places, the
 * whitespace the rule dropped put back and a char replaced by the one printed (full-width punctuation, a line break
 * where a space is). Stored whole, the printed text was as large as the normalized one: a quarter of the index.
 * <p>
 * Binary: per place, in order, the distance in normalized chars from the previous place, a flag (1: whitespace put back
 * before it, 2: its char replaced), the whitespace as a string, the printed char.
 */
final class PrintedTextDelta {
    private static final int INSERTED = 1;
    private static final int REPLACED = 2;

    private PrintedTextDelta() {
    }

    /**
     * The delta from {@code normalized} to {@code printed}; null when {@code normalized} is not what the normalizer
     * makes of {@code printed} (a report loaded with other texts), so that the caller stores the printed text whole.
     */
    static BytesRef of(String normalized, String printed) {
        Normalizer.Mapped mapped = Normalizer.normalizeMapped(printed);
        if (!mapped.text().equals(normalized)) {
            return null;
        }
        int[] offsets = mapped.offsets();
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        int cursor = 0; // next printed char not yet accounted for
        int previous = 0; // normalized index of the previous place
        try {
            for (int i = 0; i <= normalized.length(); i++) {
                int at = i < normalized.length() ? offsets[i] : printed.length();
                boolean inserted = at > cursor;
                boolean replaced = i < normalized.length() && printed.charAt(at) != normalized.charAt(i);
                if (inserted || replaced) {
                    out.writeVInt(i - previous);
                    out.writeByte((byte) ((inserted ? INSERTED : 0) | (replaced ? REPLACED : 0)));
                    if (inserted) {
                        out.writeString(printed.substring(cursor, at));
                    }
                    if (replaced) {
                        out.writeVInt(printed.charAt(at));
                    }
                    previous = i;
                }
                cursor = at + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        BytesRef delta = new BytesRef(out.toArrayCopy());
        // a printed text the rule cannot give back exactly (an unpaired surrogate in the whitespace) is stored whole
        return apply(normalized, delta).equals(printed) ? delta : null;
    }

    /** The printed text {@link #of} encoded. */
    static String apply(String normalized, BytesRef delta) {
        StringBuilder out = new StringBuilder(normalized.length() + delta.length);
        ByteArrayDataInput in = new ByteArrayDataInput(delta.bytes, delta.offset, delta.length);
        int copied = 0;
        int place = 0;
        try {
            while (!in.eof()) {
                place += in.readVInt();
                int flags = in.readByte();
                out.append(normalized, copied, place);
                copied = place;
                if ((flags & INSERTED) != 0) {
                    out.append(in.readString());
                }
                if ((flags & REPLACED) != 0) {
                    out.append((char) in.readVInt());
                    copied = place + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
        return out.append(normalized, copied, normalized.length()).toString();
    }
}
