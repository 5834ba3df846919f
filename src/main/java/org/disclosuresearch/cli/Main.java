package org.disclosuresearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one runnable jar: {@code java -jar target/disclosure-search.jar <command>}. */
@Command(name = "disclosure-search", mixinStandardHelpOptions = true, version = "disclosure-search 0.1.0",
        description = "Search China's government information-disclosure annual reports (政府信息公开工作年度报告).",
        subcommands = {ParseCommand.class, IndexCommand.class, SearchCommand.class, ExportCommand.class, FieldsCommand.class,
                ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        QuietLibraryLogs.apply(); // before any command loads POI
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
