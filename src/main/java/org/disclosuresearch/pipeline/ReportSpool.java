package org.disclosuresearch.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.disclosuresearch.copies.NarrativeSentences;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportJson;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The parsed reports of a run that sends every report, kept on disk (with their source stamps and the sentences copy
 * detection counted in them) while the linked values are computed, then read back once to be stored. A temporary
 * file, deleted on close, also when the run fails.
 *
 * <p>Compressed (deflate, fastest level) because a report's JSON holds its normalized and its printed text and its
 * figures' evidence, about three times the corpus's text, and a first run of a million reports ran out of disk with
 * the spool, the growing index and its merges side by side (BENCHMARKS.md); deflated, a 1M run's spool was a quarter
 * of that (9.3 GB). Each parse thread fills and compresses its own blocks of records, so only the write of a finished
 * block is shared; the thread that reads the spool back only inflates blocks, and each record is decoded where it is
 * stored ({@link Record#entry}). With one compressed stream the parse threads waited for each other's compression
 * under its lock, and the reading thread decoded every report while the others stored. The order of the reports is
 * the order their blocks were finished, which no caller depends on (parse threads finish in no fixed order anyway).
 *
 * <p>On disk: blocks, each its length before and after compression, then the deflated records; a record is its length,
 * then the stamp, the sentences and the report's JSON.
 */
final class ReportSpool implements Closeable {

    private static final ObjectWriter WRITER = Json.mapper().writer();
    /** Raw bytes a block collects before it is compressed and written: a few reports, more than deflate's window. */
    private static final int BLOCK = 256 * 1024;
    private static final int BUFFER = 1 << 16;
    private static final String PREFIX = "disclosure-search-run-";
    private static final String SUFFIX = ".spool";

    /**
     * A spooled report with the stamp of its source and its counted sentences ({@link NarrativeSentences#of}); null
     * sentences when the run does not detect copies.
     */
    record Entry(Report report, SourceStamp stamp, List<NarrativeSentences.Sentence> sentences) {
    }

    private final Path file;
    private DataOutputStream out;
    private DataInputStream in;
    private final AtomicLong size = new AtomicLong();
    /** Every thread's unfinished block, finished by {@link #read}. */
    private final Queue<ByteArrayOutputStream> openBlocks = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ByteArrayOutputStream> block = ThreadLocal.withInitial(() -> {
        ByteArrayOutputStream b = new ByteArrayOutputStream(BLOCK + BLOCK / 4);
        openBlocks.add(b);
        return b;
    });

    /**
     * A new spool in {@code folder} (a sink's own scratch folder, where the spools of runs that were killed are deleted
     * first: one run writes a sink at a time), or in the system's temporary folder when null.
     */
    ReportSpool(Path folder) throws IOException {
        if (folder == null) {
            file = Files.createTempFile(PREFIX, SUFFIX);
        } else {
            Files.createDirectories(folder);
            try (var stale = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
                for (Path left : stale) {
                    Files.deleteIfExists(left);
                }
            }
            file = Files.createTempFile(folder, PREFIX, SUFFIX);
        }
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    /** Called from the parse threads: the report goes into the caller's own block. */
    void add(Report report, SourceStamp stamp, List<NarrativeSentences.Sentence> sentences) throws IOException {
        ByteArrayOutputStream record = new ByteArrayOutputStream(32 * 1024);
        DataOutputStream head = new DataOutputStream(record);
        String sha = stamp == null ? null : stamp.sha256();
        head.writeUTF(sha == null ? "" : sha);
        head.writeLong(stamp == null ? -1 : stamp.size());
        head.writeLong(stamp == null ? -1 : stamp.modified());
        head.writeInt(sentences == null ? -1 : sentences.size());
        if (sentences != null) {
            for (NarrativeSentences.Sentence s : sentences) {
                head.writeInt(s.start());
                head.writeInt(s.end());
                head.writeLong(s.hash());
            }
        }
        head.flush();
        WRITER.writeValue(record, report);
        ByteArrayOutputStream b = block.get();
        new DataOutputStream(b).writeInt(record.size());
        record.writeTo(b);
        size.incrementAndGet();
        if (b.size() >= BLOCK) {
            finish(b);
        }
    }

    /** Compresses the block on the caller's thread, then appends it. */
    private void finish(ByteArrayOutputStream b) throws IOException {
        if (b.size() == 0) {
            return;
        }
        byte[] raw = b.toByteArray();
        b.reset();
        byte[] packed = deflate(raw);
        synchronized (this) {
            out.writeInt(raw.length);
            out.writeInt(packed.length);
            out.write(packed);
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] packed = new byte[Math.max(64, raw.length / 3)];
            int n = 0;
            while (!deflater.finished()) {
                if (n == packed.length) {
                    packed = Arrays.copyOf(packed, packed.length * 2);
                }
                n += deflater.deflate(packed, n, packed.length - n);
            }
            return Arrays.copyOf(packed, n);
        } finally {
            deflater.end();
        }
    }

    long size() {
        return size.get();
    }

    /** A report as read from the spool, not yet decoded: {@link #entry} decodes it, on whichever thread calls it. */
    final class Record {
        private final byte[] bytes;
        private final int offset;
        private final int length;

        Record(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        Entry entry() throws IOException {
            try {
                ByteArrayInputStream rest = new ByteArrayInputStream(bytes, offset, length);
                DataInputStream head = new DataInputStream(rest);
                String sha = head.readUTF();
                SourceStamp stamp = new SourceStamp(sha.isEmpty() ? null : sha, head.readLong(), head.readLong());
                int count = head.readInt();
                List<NarrativeSentences.Sentence> sentences = count < 0 ? null : new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    sentences.add(new NarrativeSentences.Sentence(head.readInt(), head.readInt(), head.readLong()));
                }
                int json = rest.available();
                return new Entry(ReportJson.read(bytes, offset + length - json, json), stamp, sentences);
            } catch (IOException | RuntimeException e) {
                throw damaged(e);
            }
        }
    }

    private IOException damaged(Exception cause) {
        return new IOException("the run's spool " + file + " is damaged", cause);
    }

    /** The reports, block by block; call once, after the last {@link #add}. */
    synchronized Iterator<Record> read() throws IOException {
        for (ByteArrayOutputStream b : openBlocks) {
            finish(b);
        }
        out.close();
        out = null;
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        this.in = in;
        return new Iterator<>() {
            private byte[] raw = new byte[0]; // null after the last block
            private int at;

            @Override
            public boolean hasNext() {
                try {
                    while (raw != null && at == raw.length) {
                        raw = nextBlock(in);
                        at = 0;
                    }
                    return raw != null;
                } catch (IOException e) {
                    throw new UncheckedIOException(damaged(e));
                }
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int length = ByteBuffer.wrap(raw).getInt(at); // big-endian, as DataOutputStream wrote it
                if (length < 0 || at + 4 + length > raw.length) {
                    throw new UncheckedIOException(damaged(null));
                }
                Record r = new Record(raw, at + 4, length);
                at += 4 + length;
                return r;
            }
        };
    }

    /** The next block inflated, or null at the end (the stream is then closed). */
    private static byte[] nextBlock(DataInputStream in) throws IOException {
        int rawLength;
        try {
            rawLength = in.readInt();
        } catch (EOFException end) {
            in.close();
            return null;
        }
        byte[] packed = new byte[in.readInt()];
        in.readFully(packed);
        byte[] raw = new byte[rawLength];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            int n = 0;
            while (n < rawLength) {
                int got = inflater.inflate(raw, n, rawLength - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("a block ends after " + n + " of its " + rawLength + " bytes");
                }
                n += got;
            }
            return raw;
        } catch (DataFormatException e) {
            throw new IOException(e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
