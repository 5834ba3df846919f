package org.disclosuresearch.index;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A report's normalized text, kept apart from its stored fields as one binary doc value ({@link Fields#TEXT_VALUE}),
 * LZ4-compressed on its own. In the stored fields it shared a DEFLATE block with the report JSON and the printed
 * text, so every hit of a page inflated about three times its text to build snippets (most of a rare phrase's
 * page); its own LZ4 value decompresses in tens of microseconds. Segments written before it read the stored text.
 */
public final class ReportTexts {
    private ReportTexts() {
    }

    /** Bumped when the encoding changes; a value of another version is an error, not a wrong text. */
    private static final byte VERSION = 1;

    static BytesRef encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(utf8.length / 2 + 16);
        try {
            out.writeByte(VERSION);
            out.writeVInt(utf8.length);
            // the fast table: the high-compression one saves a tenth of the bytes for several times the indexing time
            LZ4.compress(utf8, 0, utf8.length, out, new LZ4.FastCompressionHashTable());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory output does not fail
        }
        return new BytesRef(out.toArrayCopy());
    }

    static String decode(BytesRef value) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("text value of unknown version " + version);
        }
        int length = in.readVInt();
        if (length < 0 || length > value.length * 256L + 64) { // LZ4 expands at most ~255 times
            throw new IOException("text value claims " + length + " bytes from " + value.length);
        }
        byte[] utf8 = new byte[length];
        LZ4.decompress(in, length, utf8, 0);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The normalized text of {@code doc} (an id of {@code reader}), or null when the report has none stored. */
    public static String of(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        return of(leaf.reader(), doc - leaf.docBase);
    }

    /** The normalized text of a segment's document: its text value, or its stored text in an older segment. */
    public static String of(LeafReader leaf, int doc) throws IOException {
        if (leaf.getFieldInfos().fieldInfo(Fields.TEXT_VALUE) == null) {
            return leaf.storedFields().document(doc, Set.of(Fields.TEXT)).get(Fields.TEXT);
        }
        BinaryDocValues values = DocValues.getBinary(leaf, Fields.TEXT_VALUE);
        return values.advanceExact(doc) ? decode(values.binaryValue()) : null;
    }
}
