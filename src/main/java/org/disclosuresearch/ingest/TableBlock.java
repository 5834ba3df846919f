package org.disclosuresearch.ingest;

import java.util.List;

/**
 * A table read as a table (DOCX, HTML, PDF text placed by position): rows of cell texts in reading order.
 * A merged cell appears once, in its first row and column; a blank cell is an empty string.
 */
public record TableBlock(List<List<String>> rows) implements Block {
    public TableBlock {
        rows = rows.stream().map(List::copyOf).toList();
    }
}
