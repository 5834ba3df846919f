package org.disclosuresearch.cli;

/**
 * Keeps library status chatter off stdout, where commands print their results (JSON Lines): POI logs through the
 * Log4j API, whose status logger prints "could not find a logging provider" on stdout when no Log4j backend is
 * on the class path. Applied by {@link Main#run} before any command reads a document; an explicit -D setting wins.
 */
final class QuietLibraryLogs {
    private static final String STATUS_LEVEL = "log4j2.statusLoggerLevel";

    private QuietLibraryLogs() {
    }

    static void apply() {
        if (System.getProperty(STATUS_LEVEL) == null) {
            System.setProperty(STATUS_LEVEL, "OFF");
        }
    }
}
