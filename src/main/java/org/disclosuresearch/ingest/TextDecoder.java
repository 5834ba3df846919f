package org.disclosuresearch.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text or HTML file into text. Chinese agencies publish UTF-8, UTF-16 (Windows Notepad's
 * "Unicode", with a byte order mark) and GBK/GB18030; GB18030 is a superset of GBK, so GBK files decode as
 * GB18030. Every candidate must decode without a single error: a wrong guess would put mojibake in the index.
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");
    /** Share of control characters above which decoded "text" is binary junk. */
    private static final double MAX_CONTROL_SHARE = 0.02;
    private static final int SAMPLE_CHARS = 65_536;

    private TextDecoder() {
    }

    /** The decoded text, or {@code null} when no supported charset decodes the bytes cleanly. */
    static String decodeOrNull(byte[] bytes) {
        Charset charset = detect(bytes);
        if (charset == null) {
            return null;
        }
        int bom = bomLength(bytes, charset);
        return strictDecode(bytes, bom, charset);
    }

    /** Text decoded with the charset that fits best, and how many bytes sequences it could not decode. */
    record Lenient(String text, Charset charset, int replaced) {
    }

    /**
     * For files no charset decodes cleanly: a GBK file cut in the middle of its last character, or with a few
     * stray bytes, is still a report. UTF-8 and GB18030 are tried leniently; the one with fewer undecodable
     * sequences wins if they are rare (at most one in {@value #MAX_REPLACED_SHARE_INVERSE} characters), else
     * {@code null}.
     */
    static Lenient decodeLeniently(byte[] bytes) {
        Lenient best = null;
        for (Charset candidate : new Charset[]{StandardCharsets.UTF_8, GB18030}) {
            String text = new String(bytes, candidate);
            int replaced = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\uFFFD') {
                    replaced++;
                }
            }
            if (best == null || replaced < best.replaced()) {
                best = new Lenient(text, candidate, replaced);
            }
        }
        return best.replaced() <= Math.max(1, best.text().length() / MAX_REPLACED_SHARE_INVERSE) ? best : null;
    }

    private static final int MAX_REPLACED_SHARE_INVERSE = 1000;

    /** The charset the bytes are in, or {@code null}. */
    static Charset detect(byte[] bytes) {
        Charset bomCharset = fromBom(bytes);
        if (bomCharset != null) {
            return strictDecode(bytes, bomLength(bytes, bomCharset), bomCharset) != null ? bomCharset : null;
        }
        // Before UTF-8: NUL bytes are valid UTF-8, so ASCII-range UTF-16 would decode as UTF-8 full of NULs.
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null && strictDecode(bytes, 0, utf16) != null) {
            return utf16;
        }
        if (strictDecode(bytes, 0, StandardCharsets.UTF_8) != null) {
            return StandardCharsets.UTF_8;
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            Charset candidate = supported(match.getName());
            if (candidate != null && strictDecode(bytes, 0, candidate) != null) {
                return candidate;
            }
        }
        // ICU may rank a single-byte Western charset first for short Chinese files; GB18030 still decodes them.
        return strictDecode(bytes, 0, GB18030) != null ? GB18030 : null;
    }

    /** Whether decoded content reads as text rather than binary that happened to decode. */
    static boolean looksLikeText(String text) {
        int n = Math.min(text.length(), SAMPLE_CHARS);
        if (n == 0) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F || c == '\uFFFD') {
                control++;
            }
        }
        return control <= n * MAX_CONTROL_SHARE;
    }

    /** Only the charsets Chinese reports are published in; ICU's guesses of Big5 or Shift_JIS are refused. */
    private static Charset supported(String icuName) {
        return switch (icuName) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "UTF-16LE" -> StandardCharsets.UTF_16LE;
            case "UTF-16BE" -> StandardCharsets.UTF_16BE;
            case "GB18030", "GBK", "GB2312" -> GB18030;
            default -> null;
        };
    }

    private static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x84 && (b[1] & 0xFF) == 0x31 && (b[2] & 0xFF) == 0x95
                && (b[3] & 0xFF) == 0x33) {
            return GB18030;
        }
        return null;
    }

    private static int bomLength(byte[] b, Charset charset) {
        if (fromBom(b) != charset) {
            return 0;
        }
        if (charset == StandardCharsets.UTF_8) {
            return 3;
        }
        return charset == GB18030 ? 4 : 2;
    }

    /**
     * UTF-16 without a byte order mark: mostly ASCII-range text leaves every other byte zero. Chinese text in
     * UTF-16 has few zero bytes, but then ICU recognises it; this catches the common mixed case.
     */
    private static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, SAMPLE_CHARS) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZeros++;
            }
            if (b[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
