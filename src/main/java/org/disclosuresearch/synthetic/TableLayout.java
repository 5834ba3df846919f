package org.disclosuresearch.synthetic;

/**
 * How a report's tables come out of text extraction, as the seeds show them.
 * <ul>
 *   <li>{@link #SPACED}: rows with their values separated by spaces, long labels wrapped and their values on the next
 *   line, column headers broken character by character (PDF text, seed 000);</li>
 *   <li>{@link #CELLS}: one cell per line, each indented by a tab (DOCX text, seeds 002 and 004);</li>
 *   <li>{@link #CRAWLED}: a portal page as a crawler saved it (the real pingtan pages): crawler header lines, then
 *   the page's whole text in one line, the tables' cells glued to each other and to the labels on both sides.</li>
 * </ul>
 */
public enum TableLayout {
    SPACED, CELLS, CRAWLED
}
