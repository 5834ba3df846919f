package org.disclosuresearch.search;

/**
 * The index could not give back what it holds for a report (a checksum or a decoding failed in its stored fields):
 * the index files are damaged, not the request. The message names the report when it is known and the way out.
 */
public class DamagedIndexException extends RuntimeException {
    private final String reportId;

    public DamagedIndexException(String reportId, Throwable cause) {
        super((reportId == null ? "a report" : "report '" + reportId + "'") + " cannot be read from the index, whose "
                + "files are damaged (" + cause.getClass().getSimpleName() + "); `index --check` lists the damaged "
                + "reports and `index --rebuild --docs DIR` rebuilds the index from the corpus", cause);
        this.reportId = reportId;
    }

    /** The report whose stored data is damaged, or null when it is not known. */
    public String reportId() {
        return reportId;
    }
}
