package org.disclosuresearch.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.pipeline.LinkedReports;
import org.disclosuresearch.pipeline.SourceStamp;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The embedded index's {@link LinkedReports}: a near-real-time reader of the writer, opened once per view. */
final class IndexLinkedReports implements LinkedReports {

    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    IndexLinkedReports(DirectoryReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    @Override
    public List<Report> withKeys(String linker, Collection<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<BytesRef> terms = keys.stream().map(BytesRef::new).toList();
        // every match, unscored and unsorted: a top-N search would size its queue by the index (a million reports)
        Weight weight = searcher.createWeight(searcher.rewrite(new TermInSetQuery(Fields.linkKeys(linker), terms)),
                ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<Report> out = new ArrayList<>();
        Set<String> json = Set.of(Fields.REPORT_JSON);
        for (LeafReaderContext leaf : reader.leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    out.add(ReportDocuments.fromStored(stored.document(doc, json).get(Fields.REPORT_JSON), null));
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> keysOf(String linker, Collection<String> ids) throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String field = Fields.linkKeys(linker);
        for (String id : ids) {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                continue;
            }
            int doc = top.scoreDocs[0].doc;
            LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
            SortedSetDocValues values = leaf.reader().getSortedSetDocValues(field);
            Set<String> keys = new LinkedHashSet<>();
            if (values != null && values.advanceExact(doc - leaf.docBase)) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    keys.add(values.lookupOrd(values.nextOrd()).utf8ToString());
                }
            }
            out.put(id, keys);
        }
        return out;
    }

    /**
     * What a report stored again for its linked values keeps of its stored version: its texts, its indexing time (null
     * when not stored) and its source stamp (hash, size, time), so that the next run still skips its unchanged file
     * unread.
     */
    record Kept(String text, String printedText, Long indexedAt, SourceStamp stamp) {
    }

    private static final Set<String> KEPT_FIELDS = Set.of(Fields.PRINTED_TEXT, Fields.PRINTED_DELTA,
            Fields.INDEXED_AT);

    /** What {@link Kept} holds of report {@code id}, or null when it is not in the view. */
    Kept kept(String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        int doc = top.scoreDocs[0].doc;
        Document stored = searcher.storedFields().document(doc, KEPT_FIELDS);
        String text = ReportTexts.of(reader, doc);
        IndexableField indexedAt = stored.getField(Fields.INDEXED_AT);
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        return new Kept(text, ReportDocuments.printedText(stored, text),
                indexedAt == null ? null : indexedAt.numericValue().longValue(),
                ReportDocuments.stampOf(leaf.reader(), doc - leaf.docBase));
    }

    @Override
    public void close() throws IOException {
        reader.decRef();
    }
}
