package org.disclosuresearch.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.copies.CopyStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copy detection's reads on the embedded index: a near-real-time reader of the writer (what was sent, committed or
 * not), postings of the sentence and agency terms, doc values for a holder's id, agency and year. Thread-safe.
 */
final class IndexCopyStore implements CopyStore {

    /** What {@link #stored} reads: the fields {@link ReportDocuments#fromStored(Document, String)} wants, and hash. */
    private static final Set<String> STORED = Stream.concat(ReportDocuments.REPORT_FIELDS.stream(),
            Stream.of(Fields.SHA256)).collect(Collectors.toUnmodifiableSet());

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<Integer, Integer> reportsOfYear = new ConcurrentHashMap<>();

    IndexCopyStore(IndexWriter writer) throws IOException {
        this.reader = DirectoryReader.open(writer);
        this.searcher = new IndexSearcher(reader);
    }

    @Override
    public int reportsOfYear(int year) throws IOException {
        Integer n = reportsOfYear.get(year);
        if (n == null) {
            n = searcher.count(IntPoint.newExactQuery(Fields.YEAR, year));
            reportsOfYear.put(year, n);
        }
        return n;
    }

    @Override
    public List<Holder> holders(int year, long hash, int limit) throws IOException {
        List<Holder> out = new ArrayList<>();
        eachHolder(year, hash, (leaf, doc) -> {
            out.add(holder(leaf, doc, year));
            return out.size() <= limit;
        });
        return out;
    }

    @Override
    public int holderCount(int year, long hash, int cap) throws IOException {
        int[] count = {0};
        eachHolder(year, hash, (leaf, doc) -> ++count[0] <= cap);
        return count[0];
    }

    /** Receives a live document holding the sentence; false stops the walk. */
    private interface HolderVisitor {
        boolean visit(LeafReader leaf, int doc) throws IOException;
    }

    /** Walks the live documents holding the sentence term, segment by segment, until the visitor says stop. */
    private void eachHolder(int year, long hash, HolderVisitor visitor) throws IOException {
        BytesRef term = ReportDocuments.sentenceTerm(year, hash);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(Fields.COPY_SENTENCE);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(term)) {
                continue;
            }
            PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
            Bits live = leaf.reader().getLiveDocs();
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if ((live == null || live.get(d)) && !visitor.visit(leaf.reader(), d)) {
                    return;
                }
            }
        }
    }

    private static Holder holder(LeafReader leaf, int doc, Integer year) throws IOException {
        String id = sorted(leaf, Fields.ID, doc);
        String agencyKey = sorted(leaf, Fields.COPY_AGENCY, doc);
        String agency = sorted(leaf, Fields.COPY_AGENCY_NAME, doc);
        int y;
        if (year != null) {
            y = year;
        } else {
            NumericDocValues years = leaf.getNumericDocValues(Fields.YEAR);
            y = years != null && years.advanceExact(doc) ? (int) years.longValue() : 0;
        }
        return new Holder(id, agencyKey, agency, y);
    }

    private static String sorted(LeafReader leaf, String field, int doc) throws IOException {
        SortedDocValues values = leaf.getSortedDocValues(field);
        return values != null && values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    @Override
    public Holder report(String id) throws IOException {
        int doc = docOf(id);
        if (doc < 0) {
            return null;
        }
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        return holder(leaf.reader(), doc - leaf.docBase, null);
    }

    @Override
    public Holder previousReport(String agencyKey, int year) throws IOException {
        return neighbour(agencyKey, year, -1);
    }

    @Override
    public Holder nextReport(String agencyKey, int year) throws IOException {
        return neighbour(agencyKey, year, +1);
    }

    /** The agency's report nearest {@code year} on one side (-1 earlier, +1 later); equal years by id. */
    private Holder neighbour(String agencyKey, int year, int side) throws IOException {
        Holder best = null;
        BytesRef key = new BytesRef(agencyKey);
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = leaf.reader().postings(new Term(Fields.COPY_AGENCY, key), PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                Holder h = holder(leaf.reader(), d, null);
                if (h.year() == 0 || Integer.compare(h.year(), year) != side) {
                    continue;
                }
                if (best == null || Integer.compare(h.year(), best.year()) == -side
                        || (h.year() == best.year() && h.id().compareTo(best.id()) < 0)) {
                    best = h;
                }
            }
        }
        return best;
    }

    @Override
    public long[] sentenceHashes(String id) throws IOException {
        Document doc = document(id, Set.of(Fields.COPY_HASHES));
        return doc == null ? new long[0] : ReportDocuments.unpackHashes(doc.getBinaryValue(Fields.COPY_HASHES));
    }

    @Override
    public Stored stored(String id) throws IOException {
        int doc = docOf(id);
        if (doc < 0) {
            return null;
        }
        Document stored = searcher.storedFields().document(doc, STORED);
        return new Stored(ReportDocuments.fromStored(stored, ReportTexts.of(reader, doc)), stored.get(Fields.SHA256));
    }

    private Document document(String id, Set<String> fields) throws IOException {
        int doc = docOf(id);
        return doc < 0 ? null : searcher.storedFields().document(doc, fields);
    }

    /** The document of report {@code id}, or -1. */
    private int docOf(String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
        return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
