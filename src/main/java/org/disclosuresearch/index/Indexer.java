package org.disclosuresearch.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.disclosuresearch.copies.CopyStore;
import org.disclosuresearch.pipeline.AgencyOverrides;
import org.disclosuresearch.pipeline.CorpusPipeline;
import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.disclosuresearch.pipeline.LinkedReports;
import org.disclosuresearch.pipeline.ReaderVersion;
import org.disclosuresearch.pipeline.ReportSink;
import org.disclosuresearch.pipeline.SourceStamp;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The embedded Lucene index as a {@link ReportSink}: upsert by report id, deletes, commits that record the document
 * layout. {@link #update} and {@link #index} run the {@link CorpusPipeline} (walking, change detection, parsing)
 * into it. One Indexer per index directory at a time (Lucene's write lock); searchers may read it meanwhile.
 */
public final class Indexer implements ReportSink {

    private final IndexerConfig config;
    /** Left out of the corpus walk: an index kept inside --docs holds no reports. */
    private final Path indexDir;
    private final Directory directory;
    private final IndexWriter writer;
    /**
     * Whether the index holds documents of an earlier {@link #LAYOUT} or {@link ReaderVersion}: the next full update
     * re-indexes every file.
     */
    private boolean staleLayout;

    /**
     * Version of the document layout (fields and how they are analyzed), kept in the commit data. Bump it when a change
     * makes old documents answer queries wrongly (2: bigram-only exact field, characters fields, no offsets; 3: words
     * segmented clause by clause, as queries now are, and indexed without positions; 4: agency keys, link keys, derived
     * ratios with their numerators and denominators, the gaps facet; 5: copy detection's sentence terms and hashes, the
     * hit fields doc value, the source stamps; 6: the text as its own compressed doc value instead of stored, figures
     * no longer stored; 7: the printed text stored as its difference from the normalized text).
     */
    static final String LAYOUT = "7";
    static final String LAYOUT_KEY = "disclosure-search.layout";
    /** The agencies.csv rules the stored agency keys follow, beside the layout marker in the commit data. */
    static final String AGENCY_RULES_KEY = "disclosure-search.agency-rules";

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
                .setUseCompoundFile(false)
                .setMergePolicy(mergePolicy())
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
            writer.setLiveCommitData(Map.of(LAYOUT_KEY, ReaderVersion.marker(LAYOUT)).entrySet());
            if (!rebuild) {
                writer.commit(); // an empty first commit, so that searchers can open the index right away
            }
        } else {
            staleLayout = !ReaderVersion.marker(LAYOUT).equals(
                    SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT_KEY));
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
     * No compound files, neither for flushed nor for merged segments: a compound file is a second copy of every
     * segment written (the whole index once more in a bulk load), for fewer open files, which an index of a few dozen
     * segments does not need.
     */
    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    /**
     * In-memory buffer before a segment is flushed: an eighth of the heap, 32–256 MB. Bigger segments mean fewer
     * merges, which re-encode every posting; the default 16 MB (and the 64 MB before) flushed every few hundred reports.
     */
    static double ramBufferMb() {
        double heapMb = Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
        return Math.max(32, Math.min(256, heapMb / 8));
    }

    /**
     * Brings the index in line with the files under {@code docsRoots}; never stops at a bad file. When the index
     * itself cannot be written (a full disk), the files of the unfinished commit are removed and the last commit
     * stays as it was.
     */
    public IndexSummary update(List<Path> docsRoots, IndexProgress progress) throws IOException {
        return pipeline().update(docsRoots, progress);
    }

    /** Adds or replaces already-parsed reports (with their normalized text), in parallel, and commits. */
    public IndexSummary index(Collection<Report> reports) throws IOException {
        return pipeline().load(reports);
    }

    /**
     * Loads the reports {@code parse --text} printed as JSON Lines, without parsing again, keyed by the agencies.csv
     * rules the index recorded.
     */
    public IndexSummary indexJsonLines(Path jsonl, IndexProgress progress) throws IOException {
        return indexJsonLines(jsonl, null, progress);
    }

    /** As {@link #indexJsonLines(Path, IndexProgress)}, keyed by {@code rules} (null: those the index recorded). */
    public IndexSummary indexJsonLines(Path jsonl, AgencyOverrides rules, IndexProgress progress) throws IOException {
        return pipeline().loadJsonLines(jsonl, rules, progress);
    }

    private CorpusPipeline pipeline() {
        return new CorpusPipeline(this, config, Set.of(indexDir));
    }

    @Override
    public boolean outdated() {
        return staleLayout;
    }

    /** A folder inside the index (Lucene leaves names that are not its own alone), on the index's disk. */
    @Override
    public Path scratchFolder() {
        return indexDir.resolve(".run");
    }

    @Override
    public void upsert(Report report, String sha256) throws IOException {
        upsertStamped(report, SourceStamp.hashOnly(sha256));
    }

    @Override
    public void upsertStamped(Report report, SourceStamp source) throws IOException {
        writer.updateDocument(new Term(Fields.ID, report.id()), ReportDocuments.toDocument(report, source));
    }

    /** Updates the stamp's doc values in place: the document itself (postings, stored fields) is not rewritten. */
    @Override
    public void restamp(String id, SourceStamp source) throws IOException {
        writer.updateDocValues(new Term(Fields.ID, id), ReportDocuments.stamp(source).toArray(new Field[0]));
    }

    /** The view the linkers read last: {@link #relinked} takes a report's texts from it (they did not change since). */
    private volatile IndexLinkedReports lastView;

    @Override
    public LinkedReports linkedReports() throws IOException {
        DirectoryReader reader = DirectoryReader.open(writer);
        reader.incRef(); // one reference for the view's user, one for relinked(); the last close releases it
        IndexLinkedReports view = new IndexLinkedReports(reader);
        IndexLinkedReports previous = lastView;
        lastView = view;
        if (previous != null) {
            previous.close();
        }
        return view;
    }

    @Override
    public void relinked(Report report) throws IOException {
        IndexLinkedReports view = lastView;
        IndexLinkedReports.Kept kept = view == null ? null : view.kept(report.id());
        if (kept == null) {
            return; // deleted meanwhile: nothing to keep right
        }
        Report full = report.toBuilder().text(kept.text()).printedText(kept.printedText()).build();
        writer.updateDocument(new Term(Fields.ID, report.id()), ReportDocuments.toDocument(full, kept.stamp(),
                kept.indexedAt() == null ? System.currentTimeMillis() : kept.indexedAt()));
    }

    /** Nothing to do: the linkers' and copy detection's views are near-real-time readers of the writer. */
    @Override
    public void showSent() {
    }

    @Override
    public String agencyRules() {
        return commitData().get(AGENCY_RULES_KEY);
    }

    @Override
    public void agencyRules(String canonical) {
        putCommitData(AGENCY_RULES_KEY, canonical);
    }

    /** The commit data the next commit records (the last commit's, with what this writer set since). */
    private Map<String, String> commitData() {
        Map<String, String> data = new java.util.HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Sets one entry of the commit data, keeping the others (the layout marker beside the agency rules). */
    private synchronized void putCommitData(String key, String value) {
        Map<String, String> data = commitData();
        data.put(key, value);
        writer.setLiveCommitData(data.entrySet());
    }

    @Override
    public CopyStore copyStore() throws IOException {
        return new IndexCopyStore(writer);
    }

    @Override
    public void commit(boolean runComplete) throws IOException {
        if (runComplete && staleLayout) { // only now: an interrupted run must leave the old marker, so that the next one goes on
            putCommitData(LAYOUT_KEY, ReaderVersion.marker(LAYOUT));
            staleLayout = false;
        }
        writer.commit();
    }

    /**
     * What a failure while writing the index comes to. The writer closes itself at the first failed write (a full
     * disk), so later calls only say AlreadyClosedException: the message comes from the first failure instead. The
     * unfinished commit's files are deleted, so that a failed run does not leave megabytes behind.
     */
    @Override
    public IOException writeFailed(Exception e) {
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
    @Override
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(Fields.ID, id));
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** The id and source hash of every report in the index (committed or pending in the writer). */
    @Override
    public Map<String, String> storedHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        storedSources().forEach((id, s) -> hashes.put(id, s.sha256() == null ? "" : s.sha256()));
        return hashes;
    }

    /**
     * The id and source stamp of every report in the index (committed or pending in the writer), from doc values: ids
     * by ordinal, stamps in document order. A document written before stamps were kept gives its stored hash, with
     * size and time unknown.
     */
    @Override
    public Map<String, SourceStamp> storedSources() throws IOException {
        Map<String, SourceStamp> sources = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                Bits live = r.getLiveDocs();
                String[] ids = idsByDoc(r);
                SourceStamps stamps = new SourceStamps(r);
                for (int d = 0; d < r.maxDoc(); d++) {
                    if ((live == null || live.get(d)) && ids[d] != null) {
                        sources.put(ids[d], stamps.of(d));
                    }
                }
            }
        }
        return sources;
    }

    /** Every document's id, from the id's sorted doc values: ordinals in document order, then values in ord order. */
    private static String[] idsByDoc(LeafReader leaf) throws IOException {
        SortedDocValues idValues = DocValues.getSorted(leaf, Fields.ID);
        int[] ordOfDoc = new int[leaf.maxDoc()];
        java.util.Arrays.fill(ordOfDoc, -1);
        for (int d = idValues.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = idValues.nextDoc()) {
            ordOfDoc[d] = idValues.ordValue();
        }
        String[] byOrd = new String[idValues.getValueCount()];
        TermsEnum terms = idValues.termsEnum();
        for (int ord = 0; terms.next() != null; ord++) {
            byOrd[ord] = terms.term().utf8ToString();
        }
        String[] ids = new String[leaf.maxDoc()];
        for (int d = 0; d < ids.length; d++) {
            ids[d] = ordOfDoc[d] < 0 ? null : byOrd[ordOfDoc[d]];
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        IndexLinkedReports view = lastView;
        lastView = null;
        if (view != null) {
            view.close();
        }
        try {
            if (writer.isOpen()) {
                writer.close();
            }
        } finally {
            directory.close();
        }
    }
}
