package org.disclosuresearch.cli;

import org.disclosuresearch.ingest.IngestLimits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;

/** {@code --max-file-mb}, {@code --max-text-chars} and {@code --read-timeout}, shared by parse, index and serve: the bounds on reading a file. */
final class IngestLimitsOptions {
    private static final double BYTES_PER_MB = 1024 * 1024;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--max-file-mb", paramLabel = "MB",
            description = "files larger than this are refused as too large (default: ${DEFAULT-VALUE})")
    double maxFileMb = IngestLimits.DEFAULT.maxFileBytes() / BYTES_PER_MB;

    @Option(names = "--read-timeout", paramLabel = "SECONDS",
            description = "reading one file longer than this gives up on it (default: ${DEFAULT-VALUE})")
    double readTimeoutSeconds = IngestLimits.DEFAULT.maxReadTime().toMillis() / 1000.0;

    @Option(names = "--max-text-chars", paramLabel = "N",
            description = "files with more text than this (characters) are not indexed as reports (default: "
                    + "${DEFAULT-VALUE})")
    int maxTextChars = IngestLimits.DEFAULT_MAX_TEXT_CHARS;

    @Option(names = "--follow-links",
            description = "also follow symbolic links that lead out of the folder (by default only links whose "
                    + "target is inside it are followed)")
    boolean followLinks;

    /** The limits given, or a usage error (exit 2) for a value that is not positive. */
    IngestLimits limits() {
        long maxBytes = (long) (maxFileMb * BYTES_PER_MB);
        if (!(maxBytes >= 1)) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--max-file-mb must be more than 0, got " + maxFileMb);
        }
        long timeoutNanos = (long) (readTimeoutSeconds * 1e9);
        if (!(readTimeoutSeconds > 0) || Duration.ofNanos(timeoutNanos).toMillis() < 1) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--read-timeout must be at least 0.001 seconds, got " + readTimeoutSeconds);
        }
        if (maxTextChars < 1) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--max-text-chars must be at least 1, got " + maxTextChars);
        }
        return new IngestLimits(maxBytes, Duration.ofNanos(timeoutNanos), maxTextChars);
    }
}
