package org.disclosuresearch.ingest;

/** Running text as the reader extracted it (line breaks kept; normalization happens in parse). */
public record TextBlock(String text) implements Block {
}
