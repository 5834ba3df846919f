package org.disclosuresearch.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an index can give back what it holds. Lucene verifies checksums when it merges, not when it reads a
 * stored document, so flipped bytes are otherwise found one request at a time. {@link #checksums} reads every file
 * of every segment against its checksum (what serve and index do when they open an index); {@link #check} also
 * reads every report back, to name the damaged ones.
 */
public final class IndexHealth {

    /**
     * @param reports         the reports in the index
     * @param damagedSegments each damaged segment: its name, its report count and what failed
     * @param damagedReports  the ids of the reports that cannot be read back (empty when only postings are damaged)
     */
    public record Result(long reports, List<String> damagedSegments, List<String> damagedReports) {
        public boolean healthy() {
            return damagedSegments.isEmpty() && damagedReports.isEmpty();
        }

        /** One paragraph for the user: what is damaged and the way out. */
        public String describe(Path indexDir) {
            if (healthy()) {
                return "index " + indexDir + " is healthy: " + reports + " reports, every checksum verified";
            }
            StringBuilder out = new StringBuilder("index " + indexDir + " is damaged: ");
            if (!damagedSegments.isEmpty()) {
                out.append(damagedSegments.size()).append(" segment(s) failed verification (")
                        .append(String.join("; ", damagedSegments)).append(")");
            }
            if (!damagedReports.isEmpty()) {
                out.append(damagedSegments.isEmpty() ? "" : "; ").append(damagedReports.size())
                        .append(" report(s) cannot be read back: ")
                        .append(String.join(", ", damagedReports.subList(0, Math.min(50, damagedReports.size()))))
                        .append(damagedReports.size() > 50 ? ", …" : "");
            }
            return out.append(". Rebuild it from the corpus with `index --rebuild --docs DIR --index ")
                    .append(indexDir).append("`").toString();
        }
    }

    private IndexHealth() {
    }

    /** Whether the folder holds a committed index. */
    public static boolean exists(Path indexDir) throws IOException {
        try (Directory directory = FSDirectory.open(indexDir)) {
            return DirectoryReader.indexExists(directory);
        }
    }

    /** Verifies the checksum of every file of the latest commit; the segments that fail, with the reason. */
    public static List<String> checksums(Path indexDir) throws IOException {
        try (Directory directory = FSDirectory.open(indexDir);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            return checksums(reader);
        }
    }

    private static List<String> checksums(DirectoryReader reader) {
        List<String> damaged = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            try {
                leaf.reader().checkIntegrity();
            } catch (IOException | RuntimeException e) {
                damaged.add(segmentName(leaf.reader()) + " with " + leaf.reader().numDocs() + " reports: "
                        + e.getMessage());
            }
        }
        return damaged;
    }

    /** Checksums, then every live report read back; nothing is changed. */
    public static Result check(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            throw new IOException("no index at " + indexDir + " (not a folder)");
        }
        try (Directory directory = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(directory)) {
                throw new IOException("no index at " + indexDir + " (no commit found in it)");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                List<String> segments = checksums(reader);
                List<String> reports = new ArrayList<>();
                Set<String> wanted = Set.of(Fields.REPORT_JSON);
                for (LeafReaderContext leaf : reader.leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields stored = leaf.reader().storedFields();
                    for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                        if (live != null && !live.get(d)) {
                            continue;
                        }
                        try {
                            Document doc = stored.document(d, wanted);
                            ReportDocuments.fromStored(doc.get(Fields.REPORT_JSON), ReportTexts.of(leaf.reader(), d));
                        } catch (IOException | RuntimeException e) {
                            reports.add(idOf(reader, leaf.docBase + d));
                        }
                    }
                }
                return new Result(reader.numDocs(), segments, reports);
            }
        }
    }

    /**
     * The id of the report at a top-level doc id, from the id's doc values (a separate file from the stored fields,
     * so it is usually readable when the stored report is not); a placeholder naming the doc when it is not.
     */
    public static String idOf(IndexReader reader, int doc) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            SortedDocValues ids = leaf.reader().getSortedDocValues(Fields.ID);
            if (ids != null && ids.advanceExact(doc - leaf.docBase)) {
                return ids.lookupOrd(ids.ordValue()).utf8ToString();
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the placeholder
        }
        return "(unknown id, document " + doc + ")";
    }

    private static String segmentName(LeafReader reader) {
        LeafReader unwrapped = FilterLeafReader.unwrap(reader);
        if (unwrapped instanceof SegmentReader segment) {
            return "segment " + segment.getSegmentName();
        }
        return unwrapped instanceof CodecReader ? "a segment" : "a leaf";
    }
}
