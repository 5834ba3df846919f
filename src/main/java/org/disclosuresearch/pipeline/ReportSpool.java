package org.disclosuresearch.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The parsed reports of a run that sends every report, kept on disk (with their texts and source stamps) while the
 * linked values are computed, then read back once to be stored. A temporary file, deleted on close, also when the
 * run fails. One line a report: {@code sha256 TAB size TAB modified TAB report-JSON}.
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

    ReportSpool() throws IOException {
        file = Files.createTempFile("disclosure-search-run-", ".spool");
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
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
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
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
