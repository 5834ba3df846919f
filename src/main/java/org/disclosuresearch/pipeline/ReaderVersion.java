package org.disclosuresearch.pipeline;

/**
 * Which reading of the files a store holds. A sink keeps it beside its own layout version, so that a new release that
 * reads figures differently (the parser learned to split glued digits, a label variant, a metadata rule) parses every
 * file again on the next update instead of serving the old figures of unchanged files next to the new ones.
 */
public final class ReaderVersion {

    /**
     * Bump whenever a change in ingest or parse makes some file read as a different report (figures, text,
     * metadata, checks). 2: damaged tables read (issue 11: glued cells, vanished blanks, narrative figures, evidence).
     */
    public static final String CURRENT = "2";

    private ReaderVersion() {
    }

    /** The marker a sink stores: its own layout version and the reading its reports come from. */
    public static String marker(String sinkLayout) {
        return sinkLayout + "/reader-" + CURRENT;
    }
}
