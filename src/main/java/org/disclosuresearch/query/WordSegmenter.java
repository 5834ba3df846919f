package org.disclosuresearch.query;

import java.util.List;

/**
 * The word segmentation the index uses (smartcn), as the query model needs it: the words of a text leaf, so that
 * every backend requires and ranks by the same words the tree records.
 */
@FunctionalInterface
public interface WordSegmenter {
    /** The words of {@code text}, in order. */
    List<String> words(String text);
}
