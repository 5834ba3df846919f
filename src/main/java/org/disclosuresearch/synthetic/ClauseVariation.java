package org.disclosuresearch.synthetic;

import java.util.List;
import java.util.Random;

/**
 * Rewrites clauses of a template sentence as a writer varies them: a word of the vocabulary inserted between two Han
 * characters of the clause, so that the clause is one the corpus has most likely not seen. Clauses with digits are left
 * alone (the parser reads narrative figures from them), and so are clauses of one or two characters (real reports repeat those).
 */
final class ClauseVariation {

    private static final int MIN_VARIED_LENGTH = 3;

    private final List<String> words;
    private final double share;

    /** @param words inserted words, none containing a planted phrase; @param share probability per clause */
    ClauseVariation(List<String> words, double share) {
        if (words.isEmpty() && share > 0) {
            throw new IllegalArgumentException("no words to vary clauses with");
        }
        this.words = List.copyOf(words);
        this.share = share;
    }

    String vary(String sentence, Random random) {
        if (share <= 0) {
            return sentence;
        }
        StringBuilder out = new StringBuilder(sentence.length() + 16);
        int i = 0;
        int n = sentence.length();
        while (i < n) {
            int start = i;
            while (i < n && Character.isLetterOrDigit(sentence.charAt(i))) {
                i++;
            }
            appendClause(out, sentence.substring(start, i), random);
            while (i < n && !Character.isLetterOrDigit(sentence.charAt(i))) {
                out.append(sentence.charAt(i++));
            }
        }
        return out.toString();
    }

    private void appendClause(StringBuilder out, String clause, Random random) {
        if (clause.length() < MIN_VARIED_LENGTH || clause.chars().anyMatch(Character::isDigit)
                || random.nextDouble() >= share) {
            out.append(clause);
            return;
        }
        int at = 1 + random.nextInt(clause.length() - 1);
        out.append(clause, 0, at).append(words.get(random.nextInt(words.size()))).append(clause, at, clause.length());
    }
}
