package org.disclosuresearch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells the format of a file from its content, never from its name: agencies' sites serve PDFs named .doc and
 * HTML error pages named .pdf, so a name is at most a hint for the error message.
 */
final class FormatSniffer {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
            (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** The PDF spec lets the header sit anywhere in the first 1024 bytes (some generators prepend junk). */
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final Pattern HTML_MARKER = Pattern.compile(
            "<(!doctype\\s+html|html[\\s>]|head[\\s>]|body[\\s>]|meta\\s|title>|table[\\s>]|div[\\s>]|p>)");
    private static final byte[] WORD_DOCUMENT = "word/document.xml".getBytes(StandardCharsets.US_ASCII);

    private FormatSniffer() {
    }

    /**
     * The format the bytes are in, or {@code null} when they are none of the formats read here. Text and HTML are
     * told apart on the decoded text, so a GBK or UTF-16 page is recognised as HTML too.
     */
    static Format sniff(byte[] bytes) {
        if (indexOf(bytes, PDF_MAGIC, PDF_HEADER_WINDOW) >= 0) {
            return Format.PDF;
        }
        if (startsWith(bytes, ZIP_MAGIC)) {
            return isWordZip(bytes) ? Format.DOCX : null;
        }
        if (startsWith(bytes, OLE2_MAGIC)) {
            return Format.DOC; // confirmed (or refused: encrypted DOCX, XLS …) by DocReader, which opens the container
        }
        String text = TextDecoder.decodeOrNull(bytes);
        if (text == null) {
            TextDecoder.Lenient lenient = TextDecoder.decodeLeniently(bytes);
            text = lenient == null ? null : lenient.text();
        }
        if (text == null || !TextDecoder.looksLikeText(text)) {
            return null;
        }
        return looksLikeHtml(text) ? Format.HTML : Format.TXT;
    }

    static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        // A page starts with markup; a text report that quotes "<table>" somewhere does not.
        return head.startsWith("<") && HTML_MARKER.matcher(head).find();
    }

    /**
     * A DOCX names word/document.xml in its local and central headers, which are stored uncompressed; looking for
     * the name instead of walking the entries means a zip bomb is not inflated just to learn its format.
     */
    private static boolean isWordZip(byte[] bytes) {
        return indexOf(bytes, WORD_DOCUMENT, bytes.length) >= 0;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return indexOf(bytes, prefix, 1) == 0;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int window) {
        int last = Math.min(window, bytes.length - needle.length + 1);
        outer:
        for (int i = 0; i < last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
