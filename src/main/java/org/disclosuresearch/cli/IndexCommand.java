package org.disclosuresearch.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until its issue lands; exits 2 so that nothing mistakes it for a working command. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class IndexCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("index: not yet available in this build");
        return 2;
    }
}
