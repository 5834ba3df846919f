package org.disclosuresearch.pipeline;

import org.disclosuresearch.ingest.CorpusFiles;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.ReportJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one write path, whatever the sink: walks a corpus, detects what changed by content hash, parses changed files
 * in parallel, deletes reports whose file is gone, and hands reports to a {@link ReportSink}, committing
 * periodically so that an interrupted run keeps its work. Also loads already-parsed reports (a collection, or the
 * JSON Lines {@code parse} prints) through the same sink without parsing again. Never stops at a bad file.
 */
public final class CorpusPipeline {
    private static final System.Logger LOG = System.getLogger(CorpusPipeline.class.getName());

    private final ReportSink sink;
    private final IndexerConfig config;
    /** Folders left out of the corpus walk: an index kept inside the corpus holds no reports. */
    private final Set<Path> excluded;
    /** Copy detection of the current run (replaced and deleted reports' old versions, then the recomputation). */
    private volatile CopyRelinking copies;
    /** The agencies.csv rules the current run keys reports by. */
    private volatile AgencyOverrides overrides = AgencyOverrides.NONE;
    /** The current run's cross-report stage. */
    private volatile CrossReportLinks links;
    /** Set in a run that sends (nearly) every report: linked values computed before the one write. */
    private volatile FullRunLinks fullRun;
    /** The run's agencies.csv rules when they differ from the sink's: recorded with the run's last commit. */
    private volatile String rulesToRecord;

    public CorpusPipeline(ReportSink sink, IndexerConfig config, Set<Path> excluded) {
        this.sink = sink;
        this.config = config;
        this.excluded = Set.copyOf(excluded);
    }

    /** What one file or report came to: indexed, unchanged, or a failure. */
    private record Outcome(IndexSummary.Failure failure, boolean unchanged) {
        static final Outcome INDEXED = new Outcome(null, false);
        static final Outcome UNCHANGED = new Outcome(null, true);

        static Outcome failed(IndexSummary.Failure failure) {
            return new Outcome(failure, false);
        }
    }

    /** A file the walk listed, with the docs folder it was found in (the folder its relative name is taken from). */
    private record ListedFile(CorpusFiles.Found found, Path root) {
    }

    /**
     * A file to look at in the worker pool: {@code stamp} is its size and time when listed; {@code storedHash} the hash
     * the sink holds for its id when it may be unchanged (then it is hashed first and parsed only when it differs).
     */
    private record Pending(Path file, Path root, SourceStamp stamp, String storedHash) {
    }

    /** Brings the sink in line with the files under {@code docsRoots}. */
    public IndexSummary update(List<Path> docsRoots, IndexProgress progress) throws IOException {
        try {
            links = openLinks();
            return updateOnce(docsRoots, progress);
        } catch (IOException | RuntimeException e) {
            throw sink.writeFailed(e);
        } finally {
            abandonLinks();
        }
    }

    private CrossReportLinks openLinks() throws IOException {
        return config.links() ? CrossReportLinks.open(sink, ReportLinkers.ALL) : CrossReportLinks.none(sink);
    }

    /**
     * The full-run stage when this run sends (nearly) every report — into an empty or outdated sink — and the sink
     * keeps linked values; else null (an incremental run relinks after its commit, at a cost that follows the change).
     */
    private FullRunLinks openFullRun(boolean sendsEverything) throws IOException {
        return config.links() && sendsEverything ? FullRunLinks.open(sink) : null;
    }

    private static void warnIfShortOfHeap(long reports) {
        String warning = FullRunLinks.heapWarning(reports, Runtime.getRuntime().maxMemory());
        if (warning != null) {
            LOG.log(System.Logger.Level.WARNING, warning);
        }
    }

    private void abandonLinks() {
        rulesToRecord = null; // a failed run's rules are not what the stored keys follow
        FullRunLinks f = fullRun;
        fullRun = null;
        if (f != null) {
            try {
                f.close(); // the spool is deleted, also when the run failed
            } catch (IOException ignored) {
                // a temporary file that could not be deleted: nothing the run can do about it
            }
        }
        CrossReportLinks l = links;
        links = null;
        if (l != null) {
            l.abandon();
        }
        CopyRelinking c = copies;
        copies = null;
        if (c != null) {
            c.abandon();
        }
    }

    /**
     * The run's last stage, after its commit: linked values of what the run touched (the agency linker, then copy
     * detection, which reads the agency linker's stores through the sink's uncommitted view), one commit, and the
     * summary says how many reports were stored again.
     */
    private IndexSummary finishLinks(IndexSummary summary) throws IOException {
        CrossReportLinks l = links;
        links = null;
        long relinked = l == null ? 0 : l.finish();
        CopyRelinking c = copies;
        copies = null;
        if (c != null && l != null) {
            if (relinked > 0) {
                sink.showSent(); // copy detection reads each report's previous report as the agency linker left it
            }
            relinked += c.relink(l);
        }
        if (relinked > 0 || rulesToRecord != null) {
            if (rulesToRecord != null) {
                sink.agencyRules(rulesToRecord);
                rulesToRecord = null;
            }
            sink.commit(false);
        }
        return new IndexSummary(summary.indexed(), summary.unchanged(), summary.deleted(), summary.failed(),
                summary.millis(), relinked);
    }

    /**
     * The second half of a full run: the linked values of every spooled report, then each stored once with them, in
     * parallel. The number stored; a report the sink refuses is a failure.
     */
    private long storeLinked(List<IndexSummary.Failure> failures, IndexProgress progress, long started)
            throws IOException {
        FullRunLinks full = fullRun;
        long total = full.spooled();
        Iterator<ReportSpool.Record> entries = full.linkAll();
        Iterator<Callable<Outcome>> tasks = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Callable<Outcome> next() {
                ReportSpool.Record spooled = entries.next();
                return () -> {
                    ReportSpool.Entry e = spooled.entry(); // decoded here, in parallel; damage stops the run
                    try {
                        sink.upsertStamped(full.withLinks(e), e.stamp());
                        return Outcome.INDEXED;
                    } catch (IllegalArgumentException bad) {
                        return Outcome.failed(new IndexSummary.Failure(null, "INVALID_REPORT", bad.getMessage()));
                    }
                };
            }
        };
        try {
            return runInParallel(tasks, failures, new ProgressClock(progress, config, started, total), 0, true)
                    .indexed;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * A file whose size and modification time are those the sink recorded is unchanged without being read (a run on
     * an unchanged corpus reads no file); any other is hashed (in the worker pool) and parsed only when its hash
     * differs.
     */
    private IndexSummary updateOnce(List<Path> docsRoots, IndexProgress progress) throws IOException {
        long started = System.nanoTime();
        Map<String, SourceStamp> stored = sink.storedSources();
        boolean outdated = sink.outdated();
        copies = new CopyRelinking(sink, config.threads(), stored.keySet(), config.links());
        fullRun = openFullRun(stored.isEmpty() || outdated);
        List<IndexSummary.Failure> failures = new ArrayList<>();
        useRules(AgencyOverrides.load(docsRoots), failures);
        Map<String, Path> fileOfId = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        long unchanged = 0;
        List<ListedFile> files = new ArrayList<>();
        for (Path root : docsRoots) {
            if (!Files.isDirectory(root)) {
                throw new IOException("corpus folder " + root + " does not exist or is not a folder");
            }
            Path agenciesCsv = root.resolve(AgencyOverrides.FILE_NAME);
            for (CorpusFiles.Found found : CorpusFiles.find(List.of(root), excluded, config.followLinks())) {
                if (found.path().equals(agenciesCsv)) {
                    continue; // the identity rules, not a report
                }
                files.add(new ListedFile(found, root));
            }
        }
        if (fullRun != null) {
            warnIfShortOfHeap(files.size());
        }
        ProgressClock clock = new ProgressClock(progress, config, started, files.size());
        long done = 0;
        for (ListedFile f : files) {
            Path file = f.found().path();
            String id = idOf(file);
            Path first = fileOfId.putIfAbsent(id, file);
            if (first != null) {
                failures.add(new IndexSummary.Failure(file, "DUPLICATE_ID", file + ": report id '" + id
                        + "' is already taken by " + first + " (ids are file names without extension)"));
                done++;
                continue;
            }
            SourceStamp now;
            try {
                now = SourceStamp.of(file, f.found().attributes());
            } catch (IOException e) {
                failures.add(unreadable(file, e));
                done++;
                continue;
            }
            SourceStamp before = outdated ? null : stored.get(id);
            if (before != null && before.sameFileAs(now)) {
                unchanged++;
                done++;
                clock.tick(done, false);
                continue;
            }
            String storedHash = before == null || before.sha256() == null || before.sha256().isEmpty() ? null
                    : before.sha256();
            pending.add(new Pending(file, f.root(), now, storedHash));
        }
        Iterator<Callable<Outcome>> tasks = pending.stream().<Callable<Outcome>>map(p -> () -> parseAndSend(p))
                .iterator();
        Counts counts = runInParallel(tasks, failures, clock, done, fullRun == null);
        unchanged += counts.unchanged;
        if (fullRun != null) {
            // a stored report whose file failed now keeps its old version: relink what it touches after the commit
            for (IndexSummary.Failure f : failures) {
                String id = f.file() == null || "DUPLICATE_ID".equals(f.kind()) ? null : idOf(f.file());
                if (id != null && stored.containsKey(id)) {
                    links.touchIds(List.of(id));
                    copies.changing(id);
                }
            }
        }

        long deleted = 0;
        for (String id : stored.keySet()) {
            if (!fileOfId.containsKey(id)) {
                copies.changing(id);
                links.deleting(id);
                sink.delete(id);
                deleted++;
            }
        }
        long indexed = fullRun == null ? counts.indexed : storeLinked(failures, progress, started);
        sink.commit(true);
        IndexSummary summary = finishLinks(new IndexSummary(indexed, unchanged, deleted, failures, 0));
        clock.tick(done + pending.size(), true);
        return new IndexSummary(summary.indexed(), unchanged, deleted, failures,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), summary.relinked());
    }

    /**
     * Keys the run's reports by {@code rules} (null: the rules the sink's keys follow, for reports loaded without a
     * docs folder). Rules that differ from the recorded ones re-key, after the commit, the stored reports either
     * touches (a full run sends every report keyed anyway) and are recorded with the run's last commit.
     */
    private void useRules(AgencyOverrides rules, List<IndexSummary.Failure> failures) throws IOException {
        String storedRules = sink.agencyRules();
        overrides = rules != null ? rules : AgencyOverrides.fromCanonical(storedRules);
        failures.addAll(overrides.problems());
        if (links.enabled() && !overrides.canonical().equals(storedRules)) {
            if (fullRun == null) {
                links.rulesChanged(overrides, AgencyOverrides.fromCanonical(storedRules));
            }
            rulesToRecord = overrides.canonical();
        }
    }

    /**
     * Adds or replaces already-parsed reports (with their normalized text), in parallel, and commits; their agency
     * keys follow the agencies.csv rules the sink recorded.
     */
    public IndexSummary load(Collection<Report> reports) throws IOException {
        try {
            links = openLinks();
            return finishLinks(loadOnce(reports));
        } catch (IOException | RuntimeException e) {
            throw sink.writeFailed(e);
        } finally {
            abandonLinks();
        }
    }

    private IndexSummary loadOnce(Collection<Report> reports) throws IOException {
        long started = System.nanoTime();
        Set<String> storedIds = sink.storedHashes().keySet();
        copies = new CopyRelinking(sink, config.threads(), storedIds, config.links());
        fullRun = openFullRun(storedIds.isEmpty());
        List<IndexSummary.Failure> failures = new ArrayList<>();
        useRules(null, failures);
        Iterator<Callable<Outcome>> tasks = reports.stream().<Callable<Outcome>>map(r -> () -> send(r, null, null))
                .iterator();
        Counts counts = runInParallel(tasks, failures, new ProgressClock(IndexProgress.NONE, config, started,
                reports.size()), 0, fullRun == null);
        if (fullRun != null) {
            counts.indexed = storeLinked(failures, IndexProgress.NONE, started);
        }
        sink.commit(false);
        return new IndexSummary(counts.indexed, counts.unchanged, 0, failures,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Loads the reports of a JSON Lines file as {@code parse --text} prints them, without parsing any source again.
     * Upserts only (a report missing from the file is kept); a report whose source hash the sink already holds is
     * unchanged; a line that is not a report, or a report without its text, is a failure naming the line. The
     * reports' agency keys follow {@code rules} (an agencies.csv read with {@link AgencyOverrides#loadFile}), or when
     * null the rules the sink recorded: a report loaded later is keyed as the stored ones are.
     */
    public IndexSummary loadJsonLines(Path jsonl, AgencyOverrides rules, IndexProgress progress) throws IOException {
        try {
            links = openLinks();
            return finishLinks(loadJsonLinesOnce(jsonl, rules, progress));
        } catch (IOException | RuntimeException e) {
            throw sink.writeFailed(e);
        } finally {
            abandonLinks();
        }
    }

    private IndexSummary loadJsonLinesOnce(Path jsonl, AgencyOverrides rules, IndexProgress progress)
            throws IOException {
        long started = System.nanoTime();
        if (!Files.isRegularFile(jsonl)) {
            throw new IOException("JSON Lines file " + jsonl + " does not exist or is not a file");
        }
        long lines;
        try (var all = Files.lines(jsonl, StandardCharsets.UTF_8)) {
            lines = all.filter(l -> !l.isBlank()).count();
        } catch (UncheckedIOException e) {
            throw new IOException(jsonl + " is not UTF-8 text: " + e.getCause().getMessage(), e.getCause());
        }
        Map<String, String> storedHashes = sink.storedHashes();
        boolean outdated = sink.outdated();
        copies = new CopyRelinking(sink, config.threads(), storedHashes.keySet(), config.links());
        fullRun = openFullRun(storedHashes.isEmpty() || outdated);
        List<IndexSummary.Failure> failures = new ArrayList<>();
        useRules(rules, failures);
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            Iterator<Callable<Outcome>> tasks = new Iterator<>() {
                private int lineNumber;
                private String line = advance();

                private String advance() {
                    try {
                        String l;
                        do {
                            l = in.readLine();
                            lineNumber++;
                        } while (l != null && l.isBlank());
                        return l;
                    } catch (CharacterCodingException e) {
                        throw new UncheckedIOException(jsonl + ":" + lineNumber + ": not UTF-8 text", e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return line != null;
                }

                @Override
                public Callable<Outcome> next() {
                    if (line == null) {
                        throw new NoSuchElementException();
                    }
                    String current = line;
                    String where = jsonl + ":" + lineNumber;
                    line = advance();
                    return () -> fromJsonLine(current, where, jsonl, storedHashes, outdated, seen);
                }
            };
            Counts counts = runInParallel(tasks, failures, new ProgressClock(progress, config, started, lines), 0,
                    fullRun == null);
            if (fullRun != null) {
                counts.indexed = storeLinked(failures, progress, started);
            }
            sink.commit(false);
            return new IndexSummary(counts.indexed, counts.unchanged, 0, failures,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (UncheckedIOException e) {
            sink.commit(false); // what was sent before the unreadable line is kept
            throw e.getCause();
        }
    }

    private Outcome fromJsonLine(String line, String where, Path jsonl, Map<String, String> storedHashes,
                                 boolean outdated, Set<String> seen) throws IOException {
        Report report;
        try {
            report = ReportJson.read(line);
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(new IndexSummary.Failure(jsonl, "NOT_A_REPORT", where
                    + ": not a report's JSON (" + firstLine(e.getMessage()) + ")"));
        }
        if (report.id() == null || report.id().isBlank()) {
            return Outcome.failed(new IndexSummary.Failure(jsonl, "NOT_A_REPORT", where + ": the report has no id"));
        }
        synchronized (seen) {
            if (!seen.add(report.id())) {
                return Outcome.failed(new IndexSummary.Failure(jsonl, "DUPLICATE_ID", where + ": report id '"
                        + report.id() + "' appears on an earlier line"));
            }
        }
        if (report.text() == null) {
            return Outcome.failed(new IndexSummary.Failure(jsonl, "NO_TEXT", where + ": report '" + report.id()
                    + "' has no text; print the reports with parse --text"));
        }
        String hash = report.source() == null ? null : report.source().sha256();
        return send(report, hash, outdated ? null : storedHashes.get(report.id()));
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Sends one parsed report unless the sink holds it with the same hash already. */
    private Outcome send(Report report, String sha256, String storedHash) throws IOException {
        if (sha256 != null && sha256.equals(storedHash)) {
            return Outcome.UNCHANGED;
        }
        try {
            deliver(IndexTimeFields.apply(report, overrides), SourceStamp.hashOnly(sha256 != null ? sha256
                    : report.source() == null ? null : report.source().sha256()));
            return Outcome.INDEXED;
        } catch (IllegalArgumentException e) {
            return Outcome.failed(new IndexSummary.Failure(null, "INVALID_REPORT", e.getMessage()));
        }
    }

    /**
     * Hashes one file and, unless its content is the one the sink holds, parses it and sends its report; a problem
     * with the file is a failure, not an exception.
     */
    private Outcome parseAndSend(Pending p) throws IOException {
        Path file = p.file();
        Report report;
        SourceStamp stamp;
        try {
            stamp = p.stamp().withHash(sha256(file));
            if (stamp.sha256().equals(p.storedHash())) {
                sink.restamp(idOf(file), stamp); // touched, not changed: the next run need not read it
                return Outcome.UNCHANGED;
            }
            report = config.reader().read(file, p.root());
            if (report.id() == null) {
                report = report.toBuilder().id(idOf(file)).build();
            }
        } catch (DocumentProblem problem) {
            return Outcome.failed(new IndexSummary.Failure(file, problem.kind().name(), problem.getMessage()));
        } catch (IOException e) {
            return Outcome.failed(unreadable(file, e));
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.failed(new IndexSummary.Failure(file, "PARSER_ERROR", file + ": the parser failed ("
                    + e + ")"));
        }
        try {
            deliver(IndexTimeFields.apply(report, overrides), stamp);
        } catch (IllegalArgumentException e) {
            return Outcome.failed(new IndexSummary.Failure(file, "INVALID_REPORT", file + ": " + e.getMessage()));
        }
        return Outcome.INDEXED;
    }

    /**
     * A report as sinks store it before linking: spooled for a full run's one write, else sent now (its keys and old
     * version noted for the relinking after the commit).
     */
    private void deliver(Report prepared, SourceStamp stamp) throws IOException {
        FullRunLinks full = fullRun;
        if (full != null) {
            full.add(prepared, stamp);
            return;
        }
        links.sending(prepared);
        copies.changing(prepared.id());
        sink.upsertStamped(prepared, stamp);
    }

    private static final class Counts {
        long indexed;
        long unchanged;
    }

    /**
     * Runs the tasks on the parse threads (at most a few per thread in flight, so memory stays bounded), commits every
     * {@code commitEvery} documents or {@code commitInterval} (when {@code commits}: not while a full run only spools).
     */
    private Counts runInParallel(Iterator<Callable<Outcome>> tasks, List<IndexSummary.Failure> failures,
                                 ProgressClock clock, long doneBefore, boolean commits) throws IOException {
        Counts counts = new Counts();
        long done = doneBefore;
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "indexer");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Outcome> results = new ExecutorCompletionService<>(pool);
            int inFlight = 0;
            int maxInFlight = config.threads() * 4;
            long sinceCommit = 0;
            long lastCommit = System.nanoTime();
            while (tasks.hasNext() || inFlight > 0) {
                while (inFlight < maxInFlight && tasks.hasNext()) {
                    results.submit(tasks.next());
                    inFlight++;
                }
                Future<Outcome> f = results.poll(200, TimeUnit.MILLISECONDS);
                if (f != null) {
                    inFlight--;
                    done++;
                    Outcome r = get(f);
                    if (r.failure() != null) {
                        failures.add(r.failure());
                    } else if (r.unchanged()) {
                        counts.unchanged++;
                    } else {
                        counts.indexed++;
                        sinceCommit++;
                    }
                }
                boolean due = System.nanoTime() - lastCommit > config.commitInterval().toNanos();
                if (commits && (sinceCommit >= config.commitEvery() || (sinceCommit > 0 && due))) {
                    sink.commit(false);
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
        return counts;
    }

    private static Outcome get(Future<Outcome> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io; // the sink itself failed (disk full …): stop, the last commit stays usable
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

    /** The report id of a file: its name without extension (as the parser names it). */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
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
}
