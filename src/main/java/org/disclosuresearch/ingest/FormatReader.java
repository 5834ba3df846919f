package org.disclosuresearch.ingest;

import java.nio.file.Path;
import java.util.List;

/** One format's reader: bytes in, text and table blocks out in reading order. */
interface FormatReader {

    /**
     * @param bytes    the whole file (already checked against the size limit)
     * @param file     the file, only for the messages of the problems thrown
     * @param warnings where to say what was read only in part (each names the file)
     */
    List<Block> read(byte[] bytes, Path file, List<String> warnings) throws DocumentProblem;
}
