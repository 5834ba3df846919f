package org.disclosuresearch.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.disclosuresearch.ingest.CorpusFiles;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.report.Report;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a Lucene index in step with a corpus: incremental (content hash), upsert by report id, deletes reports whose
 * file is gone, parses in parallel, commits periodically so an interrupted run leaves the last commit usable.
 * One Indexer per index directory at a time (Lucene's write lock); searchers may read it meanwhile.
 */
public final class Indexer implements Closeable {

    private final IndexerConfig config;
    private final Directory directory;
    private final IndexWriter writer;

    public Indexer(Path indexDir, IndexerConfig config) throws IOException {
        this.config = config;
        Files.createDirectories(indexDir);
        this.directory = FSDirectory.open(indexDir);
        IndexWriterConfig iwc = new IndexWriterConfig(Analyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        try {
            this.writer = new IndexWriter(directory, iwc);
        } catch (IOException e) {
            directory.close();
            throw e;
        }
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit(); // an empty first commit, so that searchers can open the index right away
        }
    }

    /** What one file came to. */
    private enum Outcome { INDEXED, FAILED }

    private record FileResult(Outcome outcome, IndexSummary.Failure failure) {
    }

    private record IndexedState(String sha256, String sourcePath) {
    }

    /** Brings the index in line with the files under {@code docsRoots}; never stops at a bad file. */
    public IndexSummary update(List<Path> docsRoots, IndexProgress progress) throws IOException {
        long started = System.nanoTime();
        Map<String, IndexedState> indexed = indexedState();
        List<IndexSummary.Failure> failures = new ArrayList<>();
        Set<String> corpusIds = new HashSet<>();
        Map<String, Path> firstFileOfId = new HashMap<>();
        List<Path[]> toParse = new ArrayList<>(); // {file, root}
        long unchanged = 0;
        List<Path[]> files = new ArrayList<>();
        for (Path root : docsRoots) {
            if (!Files.isDirectory(root)) {
                throw new IOException("corpus folder " + root + " does not exist or is not a folder");
            }
            for (Path file : CorpusFiles.list(List.of(root))) {
                files.add(new Path[]{file, root});
            }
        }
        long total = files.size();
        long done = 0;
        ProgressClock clock = new ProgressClock(progress, config, started, total);
        for (Path[] fr : files) {
            Path file = fr[0];
            String id = idOf(file);
            corpusIds.add(id);
            Path first = firstFileOfId.putIfAbsent(id, file);
            if (first != null) {
                failures.add(new IndexSummary.Failure(file, "DUPLICATE_ID", file + ": report id '" + id
                        + "' is already taken by " + first + " (ids are file names without extension)"));
                done++;
                continue;
            }
            IndexedState state = indexed.get(id);
            if (state != null && state.sha256() != null) {
                String hash;
                try {
                    hash = sha256(file);
                } catch (IOException e) {
                    failures.add(new IndexSummary.Failure(file, DocumentProblem.Kind.UNREADABLE.name(),
                            file + ": " + DocumentProblem.Kind.UNREADABLE.label() + " (" + e.getMessage() + ")"));
                    done++;
                    continue;
                }
                if (hash.equals(state.sha256())) {
                    unchanged++;
                    done++;
                    continue;
                }
            }
            toParse.add(fr);
        }
        clock.tick(done, false);

        long indexedCount = 0;
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "indexer");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<FileResult> results = new ExecutorCompletionService<>(pool);
            int inFlight = 0;
            int next = 0;
            int maxInFlight = config.threads() * 4;
            long sinceCommit = 0;
            long lastCommit = System.nanoTime();
            while (next < toParse.size() || inFlight > 0) {
                while (inFlight < maxInFlight && next < toParse.size()) {
                    Path[] fr = toParse.get(next++);
                    results.submit(() -> indexFile(fr[0], fr[1]));
                    inFlight++;
                }
                Future<FileResult> f = results.poll(200, TimeUnit.MILLISECONDS);
                if (f != null) {
                    inFlight--;
                    done++;
                    FileResult r = get(f);
                    if (r.outcome() == Outcome.INDEXED) {
                        indexedCount++;
                        sinceCommit++;
                    } else {
                        failures.add(r.failure());
                    }
                }
                boolean due = System.nanoTime() - lastCommit > config.commitInterval().toNanos();
                if (sinceCommit >= config.commitEvery() || (sinceCommit > 0 && due)) {
                    writer.commit();
                    sinceCommit = 0;
                    lastCommit = System.nanoTime();
                }
                clock.tick(done, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("index run interrupted; the last commit stays usable", e);
        } finally {
            pool.shutdownNow();
        }

        long deleted = 0;
        for (String id : indexed.keySet()) {
            if (!corpusIds.contains(id)) {
                writer.deleteDocuments(new Term(Fields.ID, id));
                deleted++;
            }
        }
        writer.commit();
        clock.tick(done, true);
        return new IndexSummary(indexedCount, unchanged, deleted, failures,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static FileResult get(Future<FileResult> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io; // the index itself failed (disk full …): stop, the last commit stays usable
            }
            throw new IOException("indexing failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("index run interrupted", e);
        }
    }

    /** Parses one file and upserts its document; a problem with the file is a failure, not an exception. */
    private FileResult indexFile(Path file, Path root) throws IOException {
        Report report;
        Document doc;
        String hash;
        try {
            hash = sha256(file);
            report = config.reader().read(file, root);
            if (report.id() == null) {
                report = new Report(idOf(file), report.file(), report.agency(), report.year(),
                        report.published(), report.template(), report.region(), report.agencyType(),
                        report.figures(), report.failedChecks(), report.note(), report.source(), report.text());
            }
            doc = ReportDocuments.toDocument(report, hash);
        } catch (DocumentProblem p) {
            return new FileResult(Outcome.FAILED, new IndexSummary.Failure(file, p.kind().name(), p.getMessage()));
        } catch (IOException e) {
            return new FileResult(Outcome.FAILED, new IndexSummary.Failure(file, DocumentProblem.Kind.UNREADABLE.name(),
                    file + ": " + DocumentProblem.Kind.UNREADABLE.label() + " (" + e.getMessage() + ")"));
        } catch (RuntimeException | StackOverflowError e) {
            return new FileResult(Outcome.FAILED, new IndexSummary.Failure(file, "PARSER_ERROR",
                    file + ": the parser failed (" + e + ")"));
        }
        writer.updateDocument(new Term(Fields.ID, report.id()), doc);
        return new FileResult(Outcome.INDEXED, null);
    }

    /** Adds or replaces already-parsed reports (with their normalized text) and commits. */
    public IndexSummary index(Collection<Report> reports) throws IOException {
        long started = System.nanoTime();
        long count = 0;
        List<IndexSummary.Failure> failures = new ArrayList<>();
        for (Report report : reports) {
            try {
                String hash = report.source() == null ? null : report.source().sha256();
                writer.updateDocument(new Term(Fields.ID, report.id()), ReportDocuments.toDocument(report, hash));
                count++;
            } catch (IllegalArgumentException e) {
                failures.add(new IndexSummary.Failure(null, "INVALID_REPORT", e.getMessage()));
            }
            if (count % config.commitEvery() == 0) {
                writer.commit();
            }
        }
        writer.commit();
        return new IndexSummary(count, 0, 0, failures, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Removes one report by id (visible after the next {@link #commit()}). */
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(Fields.ID, id));
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** The id, hash and path of every report in the last commit or pending in the writer. */
    private Map<String, IndexedState> indexedState() throws IOException {
        Map<String, IndexedState> state = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            Set<String> wanted = Set.of(Fields.ID, Fields.SHA256, Fields.SOURCE_PATH);
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    Document doc = stored.document(d, wanted);
                    state.put(doc.get(Fields.ID), new IndexedState(doc.get(Fields.SHA256), doc.get(Fields.SOURCE_PATH)));
                }
            }
        }
        return state;
    }

    /** The report id of a file: its name without extension (as the parser names it). */
    static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Calls the progress callback at the configured interval (and once at the end). */
    private static final class ProgressClock {
        private final IndexProgress progress;
        private final long intervalNanos;
        private final long started;
        private final long total;
        private long last;

        ProgressClock(IndexProgress progress, IndexerConfig config, long started, long total) {
            this.progress = progress == null ? IndexProgress.NONE : progress;
            this.intervalNanos = config.progressInterval().toNanos();
            this.started = started;
            this.total = total;
            this.last = started;
        }

        void tick(long done, boolean force) {
            long now = System.nanoTime();
            if (force || now - last >= intervalNanos) {
                last = now;
                double seconds = Math.max(1e-9, (now - started) / 1e9);
                progress.update(done, total, done / seconds);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }
}
