package org.disclosuresearch.ingest;

import java.nio.file.Path;
import java.util.List;

/** Plain text in UTF-8, UTF-16 or GBK/GB18030: text blocks with line breaks kept, and tables of tab or pipe rows. */
final class TextReader implements FormatReader {

    @Override
    public List<Block> read(byte[] bytes, Path file, List<String> warnings) throws DocumentProblem {
        String text = TextDecoder.decodeOrNull(bytes);
        if (text == null) {
            TextDecoder.Lenient lenient = TextDecoder.decodeLeniently(bytes);
            if (lenient == null) {
                throw new DocumentProblem(file, DocumentProblem.Kind.UNREADABLE,
                        "text in no supported encoding (UTF-8, UTF-16, GBK/GB18030)");
            }
            text = lenient.text();
            warnings.add(file + ": " + lenient.replaced() + " undecodable byte sequence(s) in " + lenient.charset()
                    + " text replaced by \uFFFD");
        }
        if (!TextDecoder.looksLikeText(text)) {
            throw new DocumentProblem(file, DocumentProblem.Kind.UNSUPPORTED_FORMAT, "binary content, not text");
        }
        if (text.isBlank()) {
            throw new DocumentProblem(file, DocumentProblem.Kind.EMPTY, "only whitespace");
        }
        return TextTables.blocks(text.replace("\r\n", "\n"));
    }
}
