package org.disclosuresearch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.disclosuresearch.ingest.CorpusFiles;
import org.disclosuresearch.ingest.DocumentProblem;
import org.disclosuresearch.ingest.Ingestor;
import org.disclosuresearch.parse.ReportParser;
import org.disclosuresearch.parse.ReportReader;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code parse FILE_OR_DIR...}: one JSON report per line on stdout; one line per bad file on stderr. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parses annual reports and prints one JSON object per report per line (JSON Lines).",
                "A file that is not a readable report gets one line on stderr naming it and the reason; "
                        + "the batch goes on. Exit status 0 when every file parsed, 1 otherwise."})
public final class ParseCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "report files, or folders to read recursively")
    List<Path> inputs;

    @Option(names = "--text", description = "include the normalized text of each report")
    boolean includeText;

    @Mixin
    IngestLimitsOptions limits = new IngestLimitsOptions();

    @Override
    public Integer call() throws JsonProcessingException {
        // UTF-8 whatever the platform default; wrapping the current System.out/err keeps tests able to capture them
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ReportReader reader = new ReportReader(new Ingestor(limits.limits()), new ReportParser());
        int failures = 0;
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                err.println(input + ": no such file or folder");
                failures++;
                continue;
            }
            Path root = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
            for (Path file : CorpusFiles.list(List.of(input), Set.of(), limits.followLinks)) {
                try {
                    Report report = reader.read(file, root);
                    out.println(Json.mapper().writeValueAsString(includeText ? report : report.withoutTexts()));
                } catch (DocumentProblem problem) {
                    err.println(problem.getMessage());
                    failures++;
                } catch (RuntimeException e) {
                    // a parser bug on one file must not end the batch; say which file and what happened
                    err.println(file + ": could not be parsed (" + e + ")");
                    failures++;
                }
            }
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
