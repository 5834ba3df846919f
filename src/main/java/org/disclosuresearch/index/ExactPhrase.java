package org.disclosuresearch.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.disclosuresearch.parse.Normalizer;

/**
 * The query side of {@link ExactPhraseTokenizer}. The phrase is normalized like the text; one code point is a
 * term of the field's {@link Fields#charactersOf characters twin}; longer phrases are a phrase query of bigrams at their offsets
 * (bigrams that together cover every character are enough, and their positions pin them to one place: which ones,
 * {@link ExactPhraseQuery} chooses by their frequency in the index). A document
 * matches exactly when its normalized text contains the normalized phrase.
 */
public final class ExactPhrase {
    private ExactPhrase() {
    }

    /** The query for {@code phrase} on an exact-phrase field; {@code null} when the phrase normalizes to nothing. */
    public static Query query(String field, String phrase) {
        String p = Normalizer.normalize(phrase);
        if (p.isEmpty()) {
            return null;
        }
        int[] cps = p.codePoints().toArray();
        if (cps.length == 1) {
            return new TermQuery(new Term(Fields.charactersOf(field), new String(cps, 0, 1)));
        }
        if (cps.length == 2) {
            return new PhraseQuery(field, new String(cps, 0, 2));
        }
        return new ExactPhraseQuery(field, cps);
    }
}
