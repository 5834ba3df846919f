package org.disclosuresearch.copies;

import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
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
        return distinctHashes(of(report));
    }

    /** The distinct hashes of {@code sentences}, in first-seen order. */
    public static long[] distinctHashes(List<Sentence> sentences) {
        Set<Long> distinct = new LinkedHashSet<>();
        for (Sentence s : sentences) {
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
        Masked masked = MASKED.get();
        masked.of(text.substring(start, end), ownNames);
        if (masked.han < MIN_HAN || masked.numbers * HAN_PER_NUMBER > masked.han) {
            return null;
        }
        return new Sentence(start, end, masked.hash());
    }

    /** The wording a sentence is compared by: names and numbers masked, only letters, Han and marks kept. */
    static String mask(String sentence, List<String> ownNames) {
        Masked masked = MASKED.get();
        masked.of(sentence, ownNames);
        return new String(masked.utf8, 0, masked.length, StandardCharsets.UTF_8);
    }

    private static final ThreadLocal<Masked> MASKED = ThreadLocal.withInitial(Masked::new);

    /**
     * One sentence's masked wording, written as UTF-8 (the bytes its hash is taken of) in one pass that also counts
     * its Han characters (BMP code points of the Han script) and number runs. A reused buffer: this runs for every
     * sentence of every report, and building the masked String and encoding it again took most of the time.
     */
    private static final class Masked {
        private byte[] utf8 = new byte[1024];
        private int length;
        private int han;
        private int numbers;

        void of(String sentence, List<String> ownNames) {
            String s = Normalizer.normalize(sentence, Normalizer.Form.NFKC);
            for (String name : ownNames) {
                s = s.replace(name, "〓");
            }
            length = 0;
            han = 0;
            numbers = 0;
            boolean inNumber = false;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (cp >= COMMON_HAN_FIRST && cp <= COMMON_HAN_LAST) { // the usual case, decided without lookups
                    inNumber = false;
                    put(cp);
                    han++;
                    continue;
                }
                if (Character.isDigit(cp)) {
                    if (!inNumber) {
                        put('#');
                        numbers++;
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
                    int lower = Character.toLowerCase(cp);
                    put(lower);
                    if (lower < Character.MIN_SUPPLEMENTARY_CODE_POINT
                            && Character.UnicodeScript.of(lower) == Character.UnicodeScript.HAN) {
                        han++;
                    }
                }
            }
        }

        private void put(int cp) {
            if (length + 4 > utf8.length) {
                utf8 = Arrays.copyOf(utf8, utf8.length * 2);
            }
            if (cp < 0x80) {
                utf8[length++] = (byte) cp;
            } else if (cp < 0x800) {
                utf8[length++] = (byte) (0xC0 | cp >> 6);
                utf8[length++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                utf8[length++] = (byte) (0xE0 | cp >> 12);
                utf8[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                utf8[length++] = (byte) (0x80 | cp & 0x3F);
            } else {
                utf8[length++] = (byte) (0xF0 | cp >> 18);
                utf8[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                utf8[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                utf8[length++] = (byte) (0x80 | cp & 0x3F);
            }
        }

        /** The first 8 bytes of the SHA-256 of the wording. */
        long hash() {
            MessageDigest sha = SHA256.get();
            sha.update(utf8, 0, length);
            byte[] d = sha.digest();
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        }
    }

    /** CJK Unified Ideographs assigned since Unicode 1.1: letters, their own lower case, of the Han script. */
    private static final int COMMON_HAN_FIRST = 0x4E00;
    private static final int COMMON_HAN_LAST = 0x9FA5;

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
}
