package org.disclosuresearch.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.disclosuresearch.parse.Normalizer;

/**
 * The query side of {@link ExactPhraseTokenizer}. The phrase is normalized like the text; one code point is a
 * term of the field's {@link Fields#charactersOf characters twin}; longer phrases are a phrase query of bigrams at their offsets (every other bigram plus the last one
 * is enough: together they cover every character, and consecutive positions pin them to one place). A document
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
        PhraseQuery.Builder builder = new PhraseQuery.Builder();
        int last = cps.length - 2;
        for (int i = 0; i <= last; i += 2) {
            builder.add(new Term(field, new String(cps, i, 2)), i);
        }
        if (last % 2 == 1) {
            builder.add(new Term(field, new String(cps, last, 2)), last);
        }
        return builder.build();
    }
}
