package org.disclosuresearch.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
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
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Keeps a Lucene index in step with a corpus: incremental (content hash), upsert by report id, deletes reports whose
 * file is gone, parses in parallel, commits periodically so an interrupted run leaves the last commit usable.
 * One Indexer per index directory at a time (Lucene's write lock); searchers may read it meanwhile.
 */
public final class Indexer implements Closeable {

    private final IndexerConfig config;
    /** Left out of the corpus walk: an index kept inside --docs holds no reports. */
    private final Path indexDir;
    private final Directory directory;
    private final IndexWriter writer;
    /** Whether the index holds documents of an earlier {@link #LAYOUT}: the next full update re-indexes every file. */
    private boolean staleLayout;

    /**
     * Version of the document layout (fields and how they are analyzed), kept in the commit data. Bump it when a change
     * makes old documents answer queries wrongly (2: bigram-only exact field, characters fields, no offsets; 3: words
     * segmented clause by clause, as queries now are, and indexed without positions).
     */
    static final String LAYOUT = "3";
    static final String LAYOUT_KEY = "disclosure-search.layout";

    public Indexer(Path indexDir, IndexerConfig config) throws IOException {
        this(indexDir, config, false, d -> d);
    }

    /**
     * @param rebuild start from an empty index, whatever the folder holds (the way out of a damaged index: the old
     *                files are dropped by the first commit)
     */
    public Indexer(Path indexDir, IndexerConfig config, boolean rebuild) throws IOException {
        this(indexDir, config, rebuild, d -> d);
    }

    /** @param wrap wraps the index's directory (tests simulate a full disk with it) */
    Indexer(Path indexDir, IndexerConfig config, boolean rebuild, UnaryOperator<Directory> wrap) throws IOException {
        this.config = config;
        this.indexDir = indexDir;
        try {
            Files.createDirectories(indexDir);
        } catch (AccessDeniedException e) {
            throw notWritable(indexDir, e);
        }
        this.directory = wrap.apply(FSDirectory.open(indexDir));
        boolean exists = DirectoryReader.indexExists(directory);
        if (exists && !rebuild) {
            List<String> damaged = IndexHealth.checksums(indexDir);
            if (!damaged.isEmpty()) {
                directory.close();
                throw new IndexUnusable("index " + indexDir + " is damaged: " + String.join("; ", damaged)
                        + ". `index --check --index " + indexDir + "` names the damaged reports; `index --rebuild "
                        + "--docs DIR --index " + indexDir + "` rebuilds it from the corpus", null);
            }
        }
        IndexWriterConfig iwc = new IndexWriterConfig(Analyzers.perField())
                .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMb())
                .setCodec(CODEC);
        try {
            this.writer = new IndexWriter(directory, iwc);
        } catch (AccessDeniedException e) {
            directory.close();
            throw notWritable(indexDir, e);
        } catch (IOException e) {
            directory.close();
            throw e;
        }
        if (rebuild || !exists) {
            writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
            if (!rebuild) {
                writer.commit(); // an empty first commit, so that searchers can open the index right away
            }
        } else {
            staleLayout = !LAYOUT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT_KEY));
        }
    }

    private static IndexUnusable notWritable(Path indexDir, AccessDeniedException e) {
        return new IndexUnusable("cannot write to the index folder " + indexDir + ": permission denied ("
                + e.getFile() + "). Give a folder you may write to with --index, or make this one writable", e);
    }

    /**
     * Stored fields (the normalized text, the report JSON) DEFLATE-compressed: they were a fifth of the index with the
     * default LZ4. A page of hits inflates one 48 KB sub-block per report read, which stays well under a
     * millisecond each. The codec is recorded per segment, so readers need no setting.
     */
    private static final Codec CODEC = new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION);

    /**
     * In-memory buffer before a segment is flushed: an eighth of the heap, 32–256 MB. Bigger segments mean fewer
     * merges, which re-encode every posting; the default 16 MB (and the 64 MB before) flushed every few hundred reports.
     */
    static double ramBufferMb() {
        double heapMb = Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
        return Math.max(32, Math.min(256, heapMb / 8));
    }

    /** What one file or report came to: indexed, or a failure. */
    private record Outcome(IndexSummary.Failure failure) {
        static final Outcome INDEXED = new Outcome(null);
    }

    /** A file to (re)index; {@code sha256} when already computed. */
    private record Pending(Path file, Path root, String sha256) {
    }

    /**
     * Brings the index in line with the files under {@code docsRoots}; never stops at a bad file. When the index
     * itself cannot be written (a full disk), the files of the unfinished commit are removed and the last commit
     * stays as it was.
     */
    public IndexSummary update(List<Path> docsRoots, IndexProgress progress) throws IOException {
        try {
            return updateOnce(docsRoots, progress);
        } catch (IOException | RuntimeException e) {
            throw writeFailed(e);
        }
    }

    private IndexSummary updateOnce(List<Path> docsRoots, IndexProgress progress) throws IOException {
        long started = System.nanoTime();
        Map<String, String> indexedHashes = indexedHashes();
        List<IndexSummary.Failure> failures = new ArrayList<>();
        Map<String, Path> fileOfId = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        long unchanged = 0;
        List<Pending> files = new ArrayList<>();
        for (Path root : docsRoots) {
            if (!Files.isDirectory(root)) {
                throw new IOException("corpus folder " + root + " does not exist or is not a folder");
            }
            for (Path file : CorpusFiles.list(List.of(root), Set.of(indexDir), config.followLinks())) {
                files.add(new Pending(file, root, null));
            }
        }
        ProgressClock clock = new ProgressClock(progress, config, started, files.size());
        long done = 0;
        for (Pending p : files) {
            String id = idOf(p.file());
            Path first = fileOfId.putIfAbsent(id, p.file());
            if (first != null) {
                failures.add(new IndexSummary.Failure(p.file(), "DUPLICATE_ID", p.file() + ": report id '" + id
                        + "' is already taken by " + first + " (ids are file names without extension)"));
                done++;
                continue;
            }
            String indexedHash = indexedHashes.get(id);
            if (indexedHash == null || staleLayout) {
                pending.add(p);
                continue;
            }
            try {
                String hash = sha256(p.file());
                if (hash.equals(indexedHash)) {
                    unchanged++;
                    done++;
                } else {
                    pending.add(new Pending(p.file(), p.root(), hash));
                }
            } catch (IOException e) {
                failures.add(unreadable(p.file(), e));
                done++;
            }
            clock.tick(done, false);
        }
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (Pending p : pending) {
            tasks.add(() -> indexFile(p));
        }
        long indexedCount = runInParallel(tasks, failures, clock, done);

        long deleted = 0;
        for (String id : indexedHashes.keySet()) {
            if (!fileOfId.containsKey(id)) {
                writer.deleteDocuments(new Term(Fields.ID, id));
                deleted++;
            }
        }
        if (staleLayout) { // only now: an interrupted run must leave the old marker, so that the next one goes on
            writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
            staleLayout = false;
        }
        writer.commit();
        clock.tick(done + tasks.size(), true);
        return new IndexSummary(indexedCount, unchanged, deleted, failures,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Adds or replaces already-parsed reports (with their normalized text), in parallel, and commits. */
    public IndexSummary index(Collection<Report> reports) throws IOException {
        try {
            return indexOnce(reports);
        } catch (IOException | RuntimeException e) {
            throw writeFailed(e);
        }
    }

    private IndexSummary indexOnce(Collection<Report> reports) throws IOException {
        long started = System.nanoTime();
        List<IndexSummary.Failure> failures = new ArrayList<>();
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (Report report : reports) {
            tasks.add(() -> {
                try {
                    String hash = report.source() == null ? null : report.source().sha256();
                    writer.updateDocument(new Term(Fields.ID, report.id()), ReportDocuments.toDocument(report, hash));
                    return Outcome.INDEXED;
                } catch (IllegalArgumentException e) {
                    return new Outcome(new IndexSummary.Failure(null, "INVALID_REPORT", e.getMessage()));
                }
            });
        }
        long count = runInParallel(tasks, failures, new ProgressClock(IndexProgress.NONE, config, started,
                tasks.size()), 0);
        writer.commit();
        return new IndexSummary(count, 0, 0, failures, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Runs the tasks on the parse threads (at most a few per thread in flight, so memory stays bounded), commits every
     * {@code commitEvery} documents or {@code commitInterval}, and returns how many were indexed.
     */
    private long runInParallel(List<Callable<Outcome>> tasks, List<IndexSummary.Failure> failures, ProgressClock clock,
                               long doneBefore) throws IOException {
        long indexed = 0;
        long done = doneBefore;
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "indexer");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Outcome> results = new ExecutorCompletionService<>(pool);
            int inFlight = 0;
            int next = 0;
            int maxInFlight = config.threads() * 4;
            long sinceCommit = 0;
            long lastCommit = System.nanoTime();
            while (next < tasks.size() || inFlight > 0) {
                while (inFlight < maxInFlight && next < tasks.size()) {
                    results.submit(tasks.get(next++));
                    inFlight++;
                }
                Future<Outcome> f = results.poll(200, TimeUnit.MILLISECONDS);
                if (f != null) {
                    inFlight--;
                    done++;
                    Outcome r = get(f);
                    if (r.failure() == null) {
                        indexed++;
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
        return indexed;
    }

    private static Outcome get(Future<Outcome> f) throws IOException {
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

    private static IndexSummary.Failure unreadable(Path file, IOException e) {
        return new IndexSummary.Failure(file, DocumentProblem.Kind.UNREADABLE.name(),
                file + ": " + DocumentProblem.Kind.UNREADABLE.label() + " (" + e.getMessage() + ")");
    }

    /** Parses one file and upserts its document; a problem with the file is a failure, not an exception. */
    private Outcome indexFile(Pending p) throws IOException {
        Path file = p.file();
        Report report;
        Document doc;
        try {
            String hash = p.sha256() != null ? p.sha256() : sha256(file);
            report = config.reader().read(file, p.root());
            if (report.id() == null) {
                report = report.toBuilder().id(idOf(file)).build();
            }
            doc = ReportDocuments.toDocument(report, hash);
        } catch (DocumentProblem problem) {
            return new Outcome(new IndexSummary.Failure(file, problem.kind().name(), problem.getMessage()));
        } catch (IOException e) {
            return new Outcome(unreadable(file, e));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(new IndexSummary.Failure(file, "PARSER_ERROR", file + ": the parser failed (" + e + ")"));
        }
        writer.updateDocument(new Term(Fields.ID, report.id()), doc);
        return Outcome.INDEXED;
    }

    /**
     * What a failure while writing the index comes to. The writer closes itself at the first failed write (a full
     * disk), so later calls only say AlreadyClosedException: the message comes from the first failure instead. The
     * unfinished commit's files are deleted, so that a failed run does not leave megabytes behind.
     */
    private IOException writeFailed(Exception e) {
        Throwable first = writer.getTragicException() != null ? writer.getTragicException() : e;
        String reason = describe(first);
        if (writer.isOpen() && first == e && !reason.startsWith(NO_SPACE)) {
            if (e instanceof IOException io) {
                return io;
            }
            throw (RuntimeException) e;
        }
        try {
            writer.rollback();
        } catch (IOException | RuntimeException ignored) {
            // already closed by the failure: its files are removed below
        }
        int removed = removeUncommittedFiles();
        return new IndexUnusable("writing the index " + indexDir + " failed: " + reason
                + "; the last commit stays usable" + (removed > 0 ? " (" + removed + " partial files removed)" : ""),
                first);
    }

    private static final String NO_SPACE = "no space left on device";

    private static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full") || m.contains("not enough space")) {
                return NO_SPACE + "; free some space and run again";
            }
            if (c instanceof AccessDeniedException denied) {
                return "permission denied (" + denied.getFile() + ")";
            }
        }
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** Deletes the files no commit refers to (a closed writer's leftovers); the number deleted. */
    private int removeUncommittedFiles() {
        try {
            Set<String> keep = new java.util.HashSet<>(SegmentInfos.readLatestCommit(directory).files(true));
            keep.add(IndexWriter.WRITE_LOCK_NAME);
            int removed = 0;
            for (String name : directory.listAll()) {
                if (!keep.contains(name) && (name.startsWith("_") || name.startsWith("pending_segments")
                        || name.startsWith("segments"))) {
                    try {
                        directory.deleteFile(name);
                        removed++;
                    } catch (IOException e) {
                        // still open elsewhere: the next writer's deleter removes it
                    }
                }
            }
            return removed;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Removes one report by id (visible after the next {@link #commit()}). */
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(Fields.ID, id));
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** The id and source hash of every report in the index (committed or pending in the writer). */
    private Map<String, String> indexedHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            Set<String> wanted = Set.of(Fields.ID, Fields.SHA256);
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live == null || live.get(d)) {
                        Document doc = stored.document(d, wanted);
                        hashes.put(doc.get(Fields.ID), doc.get(Fields.SHA256) == null ? "" : doc.get(Fields.SHA256));
                    }
                }
            }
        }
        return hashes;
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
            if (writer.isOpen()) {
                writer.close();
            }
        } finally {
            directory.close();
        }
    }
}
