package org.disclosuresearch.search;

/**
 * A window of a report's normalized text, highlighted: answers stay bounded however long the report is.
 *
 * @param html    the characters {@code [offset, end)} as escaped HTML, with {@code <mark>} around the matches (a match
 *                that crosses an edge of the window is marked up to that edge)
 * @param offset  the first character of the window
 * @param end     one past the last character of the window
 * @param length  the characters of the whole text
 * @param matches the matches in the whole text, not only in the window
 */
public record TextWindow(String html, int offset, int end, int length, int matches) {
}
