package org.disclosuresearch.copies;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sentences of a report's narrative that copy detection compares, each as a 64-bit hash of its wording.
 *
 * <p>A sentence ends at 。！？； (or their ASCII forms). It counts when, after masking, it holds at least
 * {@link #MIN_HAN} Han characters: shorter ones (headings, 一是…, 无。) say too little to tell copying from coincidence.
 * Table text is left out without knowing the template: a stretch of the tables has no sentence end and about one
 * number per cell label, so a "sentence" with more than one digit run per {@link #HAN_PER_NUMBER} Han characters is
 * not narrative (the narrative's densest counting sentences, 其中政务动态6条、部门文件8条…, stay under it).
 *
 * <p>Masking makes a copy with changed numbers and names the same sentence: NFKC, every digit run becomes one
 * {@code #} (years, counts, dates), the report's own agency name and region names (乐清市 and 乐清) become {@code 〓},
 * and everything but letters, Han characters and those marks is dropped (punctuation and spaces vary between
 * extractions of one text). The hash is the first 8 bytes of SHA-256 of the masked wording: at 10⁸ distinct
 * sentences a collision is about 3·10⁻⁴ likely, and one collision would only add one sentence to one share.
 */
public final class NarrativeSentences {
    private NarrativeSentences() {
    }

    /** Fewest Han characters (after masking) of a sentence that counts. */
    public static final int MIN_HAN = 12;
    /** A sentence with more than one digit run per this many Han characters is table text. */
    public static final int HAN_PER_NUMBER = 4;

    /** One counted sentence: its span in the report's normalized text and the hash of its masked wording. */
    public record Sentence(int start, int end, long hash) {
    }

    /** The counted sentences of the report's normalized text, in text order (a repeated sentence each time). */
    public static List<Sentence> of(Report report) {
        return of(report.text(), namesOf(report));
    }

    /** The distinct hashes of the report's counted sentences, in first-seen order. */
    public static long[] hashes(Report report) {
        Set<Long> distinct = new LinkedHashSet<>();
        for (Sentence s : of(report)) {
            distinct.add(s.hash());
        }
        return distinct.stream().mapToLong(Long::longValue).toArray();
    }

    /** The counted sentences of {@code text}, masking {@code ownNames} (the agency's and its region's names). */
    public static List<Sentence> of(String text, List<String> ownNames) {
        List<Sentence> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isSentenceEnd(text.charAt(i))) {
                int end = Math.min(text.length(), i + 1);
                Sentence s = sentence(text, start, end, ownNames);
                if (s != null) {
                    out.add(s);
                }
                start = end;
            }
        }
        return out;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
    }

    private static Sentence sentence(String text, int start, int end, List<String> ownNames) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (end - start < MIN_HAN) {
            return null;
        }
        String masked = mask(text.substring(start, end), ownNames);
        int han = 0;
        int numbers = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '#') {
                numbers++;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        if (han < MIN_HAN || numbers * HAN_PER_NUMBER > han) {
            return null;
        }
        return new Sentence(start, end, hash(masked));
    }

    /** The wording a sentence is compared by: names and numbers masked, only letters, Han and marks kept. */
    static String mask(String sentence, List<String> ownNames) {
        String s = Normalizer.normalize(sentence, Normalizer.Form.NFKC);
        for (String name : ownNames) {
            s = s.replace(name, "〓");
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean inNumber = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                if (!inNumber) {
                    out.append('#');
                }
                inNumber = true;
                continue;
            }
            // a decimal point or thousands separator inside a number does not end it (21.02%, 1,200)
            if ((cp == '.' || cp == ',') && inNumber && i < s.length() && Character.isDigit(s.codePointAt(i))) {
                continue;
            }
            inNumber = false;
            if (cp == '〓' || Character.isLetter(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return out.toString();
    }

    /**
     * The names a report uses for itself: its agency and its region's levels, with and without their suffix
     * (乐清市, 乐清), longest first so that a full name is masked before its part.
     */
    static List<String> namesOf(Report report) {
        Set<String> names = new LinkedHashSet<>();
        if (report.agency() != null && report.agency().length() >= 2) {
            names.add(Normalizer.normalize(report.agency(), Normalizer.Form.NFKC).replaceAll("\\s+", ""));
        }
        Region region = report.region();
        for (String level : new String[]{region.county(), region.city(), region.province()}) {
            if (level == null || level.length() < 2) {
                continue;
            }
            names.add(level);
            String shortName = level.replaceFirst("(自治州|自治县|地区|特别行政区|省|市|县|区|州|盟|旗)$", "");
            if (shortName.length() >= 2 && !shortName.equals(level)) {
                names.add(shortName);
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> b.length() - a.length());
        return sorted;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static long hash(String masked) {
        byte[] d = SHA256.get().digest(masked.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return h;
    }
}
