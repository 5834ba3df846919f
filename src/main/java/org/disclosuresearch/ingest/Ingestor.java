package org.disclosuresearch.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one file into a {@link SourceDocument}: checks its size, tells its format from its content, runs the
 * format's reader under the time limit, and adds the provenance sidecar. Every failure is a
 * {@link DocumentProblem} naming the file, so that a batch can go on.
 */
public final class Ingestor {

    private static final Map<Format, FormatReader> READERS = Map.of(
            Format.TXT, new TextReader(),
            Format.HTML, new HtmlReader(),
            Format.DOCX, new DocxReader(),
            Format.DOC, new DocReader(),
            Format.PDF, new PdfReader());

    /**
     * Readers run on daemon threads: a reader stuck in a library that ignores interruption is abandoned at the
     * time limit and cannot keep the JVM alive; the next file gets a fresh thread.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new DaemonThreads());

    private static final AtomicInteger RUNNING = new AtomicInteger();

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final IngestLimits limits;

    public Ingestor(IngestLimits limits) {
        this.limits = limits;
    }

    public Ingestor() {
        this(IngestLimits.DEFAULT);
    }

    public SourceDocument read(Path file, Path root) throws DocumentProblem {
        byte[] bytes = readBounded(file);
        // filled by the reader's worker thread, read here after the worker is done (Future.get orders the two)
        List<String> warnings = new ArrayList<>();
        Format[] format = new Format[1];
        List<Block> blocks = withinTimeLimit(file, () -> {
            format[0] = FormatSniffer.sniff(bytes);
            if (format[0] == null) {
                throw new DocumentProblem(file, DocumentProblem.Kind.UNSUPPORTED_FORMAT,
                        "content is not PDF, DOCX, DOC, HTML or text" + namedAs(file));
            }
            return READERS.get(format[0]).read(bytes, file, warnings);
        });
        if (blocks.isEmpty()) {
            throw new DocumentProblem(file, DocumentProblem.Kind.EMPTY, "no text in the " + format[0].id());
        }
        long chars = textLength(blocks);
        if (chars > limits.maxTextChars()) {
            throw new DocumentProblem(file, DocumentProblem.Kind.TEXT_TOO_LONG, chars + " characters of text, limit "
                    + limits.maxTextChars() + " (--max-text-chars); not indexed as a report");
        }
        String extension = extension(file);
        if (!extension.isEmpty() && !extension.equals(format[0].id()) && !isTextAlias(extension, format[0])) {
            warnings.add(file + ": named ." + extension + " but the content is " + format[0].id()
                    + "; read as " + format[0].id());
        }
        Provenance provenance = SidecarReader.read(file, warnings);
        warnings.forEach(LOG::warn); // the report is kept: these are worth a line on stderr, not a failure
        return new SourceDocument(file, relativePath(file, root), format[0].id(), bytes.length, sha256(bytes),
                blocks, provenance, warnings);
    }

    /** Whether a path is a provenance sidecar ({@code x.pdf.json}) rather than a report. */
    public static boolean isSidecar(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SidecarReader.SUFFIX)) {
            return false;
        }
        Path report = file.resolveSibling(name.substring(0, name.length() - SidecarReader.SUFFIX.length()));
        return !report.getFileName().toString().isEmpty() && Files.isRegularFile(report);
    }

    public IngestLimits limits() {
        return limits;
    }

    private byte[] readBounded(Path file) throws DocumentProblem {
        try {
            if (Files.isDirectory(file)) {
                throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE, "a directory, not a file");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new DocumentProblem(file, DocumentProblem.Kind.EMPTY, "0 bytes");
            }
            if (size > limits.maxFileBytes()) {
                throw new DocumentProblem(file, DocumentProblem.Kind.TOO_LARGE,
                        size + " bytes, limit " + limits.maxFileBytes());
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > limits.maxFileBytes()) { // grew since it was measured
                throw new DocumentProblem(file, DocumentProblem.Kind.TOO_LARGE,
                        bytes.length + " bytes, limit " + limits.maxFileBytes());
            }
            return bytes;
        } catch (IOException e) {
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE, e.toString(), e);
        }
    }

    private static long textLength(List<Block> blocks) {
        long chars = 0;
        for (Block block : blocks) {
            if (block instanceof TextBlock text) {
                chars += text.text().length();
            } else if (block instanceof TableBlock table) {
                for (List<String> row : table.rows()) {
                    for (String cell : row) {
                        chars += cell.length();
                    }
                }
            }
        }
        return chars;
    }

    /** Readers still running, those past their time limit included (a test checks that they really stop). */
    static int readersRunning() {
        return RUNNING.get();
    }

    private List<Block> withinTimeLimit(Path file, Callable<List<Block>> read) throws DocumentProblem {
        Future<List<Block>> future = WORKERS.submit(() -> {
            RUNNING.incrementAndGet();
            try {
                return read.call();
            } finally {
                RUNNING.decrementAndGet();
            }
        });
        long millis = limits.maxReadTime().toMillis();
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DocumentProblem(file, DocumentProblem.Kind.TIMEOUT, "gave up after " + millis + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentProblem(file, DocumentProblem.Kind.TIMEOUT, "interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DocumentProblem problem) {
                throw problem;
            }
            if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                throw new DocumentProblem(file, DocumentProblem.Kind.TOO_COMPLEX,
                        "reading needed more " + (cause instanceof OutOfMemoryError ? "memory" : "nesting depth")
                                + " than allowed", cause);
            }
            throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE, "reader failed: " + cause, cause);
        }
    }

    private static String namedAs(Path file) {
        String extension = extension(file);
        return extension.isEmpty() ? "" : " (named ." + extension + ")";
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isTextAlias(String extension, Format format) {
        return (format == Format.HTML && (extension.equals("htm") || extension.equals("shtml")
                || extension.equals("xhtml")))
                || (format == Format.TXT && (extension.equals("text") || extension.equals("csv")));
    }

    static String relativePath(Path file, Path root) {
        Path rel = root == null ? file.getFileName() : root.toAbsolutePath().normalize()
                .relativize(file.toAbsolutePath().normalize());
        // joined name by name: a backslash inside a Unix file name is part of the name, not a separator
        StringBuilder out = new StringBuilder();
        for (Path part : rel) {
            out.append(out.length() == 0 ? "" : "/").append(part);
        }
        return out.toString();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "ingest-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
