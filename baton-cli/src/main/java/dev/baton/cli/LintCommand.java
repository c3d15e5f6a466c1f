package dev.baton.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code baton lint FILE...}: placeholder replaced by the parser work. */
@Command(name = "lint", description = "Checks workflow files and reports every problem.")
final class LintCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
