package org.disclosuresearch.index;

import org.disclosuresearch.pipeline.IndexProgress;
import org.disclosuresearch.pipeline.IndexSummary;
import org.disclosuresearch.pipeline.IndexerConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.disclosuresearch.search.DamagedIndexException;
import org.disclosuresearch.search.LuceneSearchBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged index, a full disk, a folder that cannot be written, links out of the corpus: each said plainly. */
class BrokenIndexTest {
    private static final Path SAMPLE = Path.of("data", "sample");

    @TempDir
    Path dir;

    private Path indexSample() throws IOException {
        Path index = dir.resolve("index");
        try (Indexer indexer = new Indexer(index, IndexerConfig.defaults())) {
            assertEquals(List.of(), indexer.update(List.of(SAMPLE), IndexProgress.NONE).failed());
        }
        return index;
    }

    /**
     * Bytes flipped inside the stored fields: the indexer refuses the index with a message that says so and the
     * way out, {@code check} names the damaged reports, the search backend answers a typed error for them, and
     * {@code rebuild} makes the index whole again.
     */
    @Test
    void aDamagedIndexIsFoundWhenOpenedNamedAndRebuilt() throws Exception {
        Path index = indexSample();
        IndexDamage.corruptStoredFields(index);

        IndexUnusable refused = assertThrows(IndexUnusable.class, () -> new Indexer(index, IndexerConfig.defaults()));
        assertTrue(refused.getMessage().startsWith("index " + index + " is damaged: segment _"), refused.getMessage());
        assertTrue(refused.getMessage().contains("index --rebuild"), refused.getMessage());

        IndexHealth.Result health = IndexHealth.check(index);
        assertFalse(health.healthy());
        assertEquals(1, health.damagedSegments().size(), health.toString());
        assertFalse(health.damagedReports().isEmpty(), health.toString());
        String damagedId = health.damagedReports().get(0);
        assertFalse(damagedId.startsWith("(unknown"), damagedId);
        assertTrue(health.describe(index).contains(damagedId), health.describe(index));

        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> backend.report(damagedId));
            assertEquals(damagedId, e.reportId());
            assertTrue(e.getMessage().contains("index --rebuild"), e.getMessage());
        }

        try (Indexer rebuilt = new Indexer(index, IndexerConfig.defaults(), true)) {
            assertEquals(5, rebuilt.update(List.of(SAMPLE), IndexProgress.NONE).indexed());
        }
        assertTrue(IndexHealth.check(index).healthy(), IndexHealth.check(index).describe(index));
    }

    /**
     * The disk fills during a second run: the message says "no space left on device" (not AlreadyClosedException),
     * the last commit still opens with every report, and no partial file is left in the folder.
     */
    @Test
    void aFullDiskIsSaidPlainlyAndLeavesNoPartialFiles() throws Exception {
        Path index = indexSample();
        Set<String> committed = files(index);
        Path more = Files.createDirectories(dir.resolve("more"));
        try (Stream<Path> sample = Files.list(SAMPLE)) {
            for (Path f : sample.toList()) {
                Files.copy(f, more.resolve(f.getFileName()));
                Files.copy(f, more.resolve("copy-" + f.getFileName()));
            }
        }
        AtomicLong budget = new AtomicLong(20_000); // bytes the "disk" takes before it is full
        IOException failed = assertThrows(IOException.class, () -> {
            try (Indexer indexer = new Indexer(index, IndexerConfig.defaults(), false, d -> new FullDisk(d, budget))) {
                indexer.update(List.of(more), IndexProgress.NONE);
            }
        });
        assertTrue(failed.getMessage().contains("no space left on device"), failed.getMessage());
        assertTrue(failed.getMessage().contains("the last commit stays usable"), failed.getMessage());
        assertFalse(failed.getMessage().contains("AlreadyClosed"), failed.getMessage());
        Set<String> left = files(index);
        left.remove("write.lock");
        committed.remove("write.lock");
        assertEquals(committed, left, "partial files left behind");
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(index)) {
            assertEquals(5, backend.size());
        }
    }

    /** Running as root ignores permissions, so the refusal is simulated where Lucene meets it: the write lock. */
    @Test
    void aFolderThatCannotBeWrittenIsNamedAsSuch() throws Exception {
        Path index = indexSample();
        IndexUnusable e = assertThrows(IndexUnusable.class, () -> new Indexer(index, IndexerConfig.defaults(), false,
                d -> new FilterDirectory(d) {
                    @Override
                    public Lock obtainLock(String name) throws IOException {
                        throw new AccessDeniedException(index.resolve(name).toString());
                    }
                }));
        assertTrue(e.getMessage().startsWith("cannot write to the index folder " + index + ": permission denied ("
                + index.resolve("write.lock") + ")"), e.getMessage());
    }

    /** A report reached through a link that leaves the docs folder is not indexed (nor, so, served). */
    @Test
    void reportsBehindLinksOutOfTheDocsFolderAreNotIndexedUnlessAsked() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        try (Stream<Path> sample = Files.list(SAMPLE)) {
            List<Path> files = sample.sorted().toList();
            Files.copy(files.get(0), docs.resolve(files.get(0).getFileName()));
            Files.copy(files.get(1), outside.resolve(files.get(1).getFileName()));
        }
        Files.createSymbolicLink(docs.resolve("linked"), outside);
        try (Indexer indexer = new Indexer(dir.resolve("i1"), IndexerConfig.defaults())) {
            assertEquals(1, indexer.update(List.of(docs), IndexProgress.NONE).indexed());
        }
        try (Indexer indexer = new Indexer(dir.resolve("i2"), IndexerConfig.defaults().withFollowLinks(true))) {
            assertEquals(2, indexer.update(List.of(docs), IndexProgress.NONE).indexed());
        }
    }

    private static Set<String> files(Path index) throws IOException {
        try (Stream<Path> s = Files.list(index)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A directory whose disk holds only {@code budget} more bytes. */
    private static final class FullDisk extends FilterDirectory {
        private final AtomicLong budget;

        FullDisk(Directory in, AtomicLong budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            return limited(super.createOutput(name, context));
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            return limited(super.createTempOutput(prefix, suffix, context));
        }

        private IndexOutput limited(IndexOutput out) {
            return new IndexOutput(out.toString(), out.getName()) {
                @Override
                public void writeByte(byte b) throws IOException {
                    take(1);
                    out.writeByte(b);
                }

                @Override
                public void writeBytes(byte[] b, int offset, int length) throws IOException {
                    take(length);
                    out.writeBytes(b, offset, length);
                }

                @Override
                public long getFilePointer() {
                    return out.getFilePointer();
                }

                @Override
                public long getChecksum() throws IOException {
                    return out.getChecksum();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        private void take(long n) throws IOException {
            if (budget.addAndGet(-n) < 0) {
                throw new IOException("No space left on device");
            }
        }
    }
}
