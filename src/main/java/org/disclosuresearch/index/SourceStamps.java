package org.disclosuresearch.index;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.disclosuresearch.pipeline.SourceStamp;

import java.io.IOException;
import java.util.Set;

/**
 * Reads the source stamps of one segment's documents: from their doc values, or, for a document written before stamps
 * were kept, its stored hash with size and time unknown. Documents must be asked for in increasing order (doc values
 * iterate forward).
 */
final class SourceStamps {
    private final LeafReader leaf;
    private final BinaryDocValues hashes;
    private final NumericDocValues sizes;
    private final NumericDocValues times;
    private StoredFields stored;

    SourceStamps(LeafReader leaf) throws IOException {
        this.leaf = leaf;
        this.hashes = DocValues.getBinary(leaf, Fields.SOURCE_SHA256);
        this.sizes = DocValues.getNumeric(leaf, Fields.SOURCE_SIZE);
        this.times = DocValues.getNumeric(leaf, Fields.SOURCE_MODIFIED);
    }

    SourceStamp of(int doc) throws IOException {
        if (hashes.advanceExact(doc)) {
            return new SourceStamp(hashes.binaryValue().utf8ToString(), sizes.advanceExact(doc) ? sizes.longValue() : -1,
                    times.advanceExact(doc) ? times.longValue() : -1);
        }
        stored = stored == null ? leaf.storedFields() : stored;
        String hash = stored.document(doc, Set.of(Fields.SHA256)).get(Fields.SHA256);
        return SourceStamp.hashOnly(hash == null ? "" : hash);
    }
}
