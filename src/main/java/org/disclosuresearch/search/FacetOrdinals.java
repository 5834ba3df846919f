package org.disclosuresearch.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per index segment and facet field, built on first use and dropped when the segment closes: every document's value
 * ordinal in a plain array (-1: none; single-valued fields only), and every ordinal's value. Counting a facet over
 * 100k matches from the doc values decodes a value per match and dimension (about as long as the search itself);
 * from the array it is an index. Naming the counted ordinals from the doc values' term dictionary decompressed a
 * block per lookup, thousands per search for the county dimension. Costs 4 bytes per report and dimension (32 MB per
 * million reports for the eight dimensions) plus the values of each segment.
 */
final class FacetOrdinals {
    private FacetOrdinals() {
    }

    private static final Map<IndexReader.CacheKey, Map<String, int[]>> ORDINALS = new ConcurrentHashMap<>();
    private static final Map<IndexReader.CacheKey, Map<String, String[]>> VALUES = new ConcurrentHashMap<>();

    /** The value of every ordinal of {@code field} in {@code leaf}. */
    static String[] values(LeafReader leaf, String field) throws IOException {
        return cached(VALUES, leaf, field, FacetOrdinals::buildValues);
    }

    /** The ordinals of {@code field} in {@code leaf}, or null when a document may hold several values. */
    static int[] of(LeafReader leaf, String field) throws IOException {
        int[] ords = cached(ORDINALS, leaf, field, (l, f) -> {
            int[] built = build(l, f);
            return built == null ? NOT_SINGLE_VALUED : built;
        });
        return ords == NOT_SINGLE_VALUED ? null : ords;
    }

    private interface Builder<T> {
        T build(LeafReader leaf, String field) throws IOException;
    }

    /** What {@code builder} makes of a segment's field, kept until the segment closes (built twice at worst). */
    private static <T> T cached(Map<IndexReader.CacheKey, Map<String, T>> bySegment, LeafReader leaf, String field,
                                Builder<T> builder) throws IOException {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        if (helper == null) {
            return builder.build(leaf, field);
        }
        Map<String, T> fields = bySegment.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(bySegment::remove);
            return new ConcurrentHashMap<>();
        });
        T value = fields.get(field);
        if (value == null) {
            value = builder.build(leaf, field); // racing searches build the same content
            fields.put(field, value);
        }
        return value;
    }

    private static String[] buildValues(LeafReader leaf, String field) throws IOException {
        SortedSetDocValues dv = DocValues.getSortedSet(leaf, field);
        String[] values = new String[(int) dv.getValueCount()];
        TermsEnum terms = dv.termsEnum();
        for (int ord = 0; terms.next() != null; ord++) {
            values[ord] = terms.term().utf8ToString();
        }
        return values;
    }

    /** Marks a field found multi-valued (a ConcurrentHashMap holds no nulls). */
    private static final int[] NOT_SINGLE_VALUED = new int[0];

    private static int[] build(LeafReader leaf, String field) throws IOException {
        SortedDocValues single = DocValues.unwrapSingleton(DocValues.getSortedSet(leaf, field));
        if (single == null) {
            return null;
        }
        int[] ords = new int[leaf.maxDoc()];
        Arrays.fill(ords, -1);
        for (int doc = single.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = single.nextDoc()) {
            ords[doc] = single.ordValue();
        }
        return ords;
    }
}
