package org.disclosuresearch.copies;

import java.io.IOException;
import java.util.List;

/**
 * What copy detection asks of the index (by term lookup, never by a scan): a backend implements it on its committed
 * state. Years and agencies come from the reports; a report without year holds no sentence terms.
 */
public interface SentenceLookup {

    /** A report holding a sentence: its id, agency identity, agency name and year. */
    record Holder(String id, String agencyKey, String agency, int year) {
    }

    /** How many reports of the year are indexed. */
    int reportsOfYear(int year) throws IOException;

    /**
     * The reports of {@code year} holding the sentence, at most {@code limit + 1} (one more than asked tells the
     * caller the sentence is held by more than {@code limit}: template wording), in index order.
     */
    List<Holder> holders(int year, long hash, int limit) throws IOException;

    /**
     * How many reports of {@code year} hold the sentence, counting at most {@code cap + 1} (more than {@code cap} is
     * all a caller needs to know of a template sentence). Cheaper than {@link #holders}: no holder is read.
     */
    int holderCount(int year, long hash, int cap) throws IOException;

    /** The report with this id as a holder (the previous report the agency linker chose), or null when not held. */
    Holder report(String id) throws IOException;

    /** The agency's latest report of a year before {@code year}, or null. */
    Holder previousReport(String agencyKey, int year) throws IOException;

    /** The agency's earliest report of a year after {@code year}, or null: the one whose previous report this is. */
    Holder nextReport(String agencyKey, int year) throws IOException;

    /** The distinct sentence hashes the report holds, or an empty array (unknown id, no year, no sentences). */
    long[] sentenceHashes(String id) throws IOException;
}
