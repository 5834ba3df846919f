package org.disclosuresearch.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The parsed reports of a run that sends every report, kept on disk (with their texts and source stamps) while the
 * linked values are computed, then read back once to be stored. A temporary file, deleted on close, also when the
 * run fails. One line a report: {@code sha256 TAB size TAB modified TAB report-JSON}, gzip-compressed at the fastest
 * level: a report's JSON holds its normalized and its printed text and its figures' evidence, about three times the
 * corpus's text (gzip: two thirds of it), and a first run of a million reports ran out of disk with the spool, the
 * growing index and its merges side by side (BENCHMARKS.md).
 */
final class ReportSpool implements Closeable {

    private static final ObjectWriter WRITER = Json.mapper().writer();

    /** A spooled report with the stamp of its source. */
    record Entry(Report report, SourceStamp stamp) {
    }

    private final Path file;
    private BufferedWriter out;
    private BufferedReader in;
    private long size;

    private static final String PREFIX = "disclosure-search-run-";
    private static final String SUFFIX = ".spool";

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
        out = new BufferedWriter(new OutputStreamWriter(new FastGzip(Files.newOutputStream(file)),
                StandardCharsets.UTF_8), BUFFER);
    }

    private static final int BUFFER = 1 << 16;

    /** Gzip at the fastest level: the spool is written once and read once, disk space is what it must save. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** Called from the parse threads. */
    void add(Report report, SourceStamp stamp) throws IOException {
        String json = WRITER.writeValueAsString(report); // one line: JSON escapes the texts' line breaks
        String line = (stamp == null || stamp.sha256() == null ? "" : stamp.sha256()) + '\t'
                + (stamp == null ? -1 : stamp.size()) + '\t' + (stamp == null ? -1 : stamp.modified()) + '\t' + json
                + '\n';
        synchronized (this) {
            out.write(line);
            size++;
        }
    }

    synchronized long size() {
        return size;
    }

    /** The reports in the order they were added; call once, after the last {@link #add}. */
    synchronized Iterator<Entry> read() throws IOException {
        out.close();
        out = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file),
                BUFFER), StandardCharsets.UTF_8), BUFFER);
        this.in = in;
        return new Iterator<>() {
            private String line = next(in);

            private static String next(BufferedReader in) {
                try {
                    String l = in.readLine();
                    if (l == null) {
                        in.close();
                    }
                    return l;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public Entry next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                String current = line;
                line = next(in);
                int a = current.indexOf('\t');
                int b = current.indexOf('\t', a + 1);
                int c = current.indexOf('\t', b + 1);
                String sha = current.substring(0, a);
                SourceStamp stamp = new SourceStamp(sha.isEmpty() ? null : sha,
                        Long.parseLong(current.substring(a + 1, b)), Long.parseLong(current.substring(b + 1, c)));
                try {
                    return new Entry(ReportJson.read(current.substring(c + 1)), stamp);
                } catch (IOException e) {
                    throw new UncheckedIOException("the run's spool " + file + " is damaged", e);
                }
            }
        };
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
