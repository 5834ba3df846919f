package org.disclosuresearch.ingest;

/** A piece of a source document in reading order: running text, or a table as a grid of cells. */
public sealed interface Block permits TextBlock, TableBlock {
}
