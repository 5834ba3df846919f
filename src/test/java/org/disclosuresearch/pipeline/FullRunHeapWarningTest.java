package org.disclosuresearch.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first run whose links may not fit in the heap says so before parsing, with the heap to ask for. */
class FullRunHeapWarningTest {

    private static final long GB = 1L << 30;

    @Test
    void aMillionReportsInTheDefaultHeapOfA24GbMachineAreWarnedAbout() {
        String warning = FullRunLinks.heapWarning(1_000_000, 6 * GB);
        assertNotNull(warning);
        assertTrue(warning.contains("1,000,000 reports"), warning);
        assertTrue(warning.contains("-Xmx12g"), warning); // 6,000 MB of links want a 12 GB heap at half of it
    }

    @Test
    void reportsWhoseLinksFitInHalfTheHeapAreNot() {
        assertNull(FullRunLinks.heapWarning(100_000, 2 * GB)); // ≈572 MB of links
        assertNull(FullRunLinks.heapWarning(0, 256L << 20));
    }

    @Test
    void theSuggestedHeapIsAtLeastOneGigabyte() {
        String warning = FullRunLinks.heapWarning(50_000, 256L << 20);
        assertNotNull(warning);
        assertTrue(warning.contains("-Xmx1g"), warning);
    }
}
