package org.disclosuresearch.bench;

/**
 * How a report's tables come out of text extraction, as the seeds show them.
 * <ul>
 *   <li>{@link #SPACED}: rows with their values separated by spaces, long labels wrapped and their values on the next
 *   line, column headers broken character by character (PDF text, seed 000);</li>
 *   <li>{@link #CELLS}: one cell per line, each indented by a tab (DOCX text, seeds 002 and 004).</li>
 * </ul>
 */
public enum TableLayout {
    SPACED, CELLS
}
