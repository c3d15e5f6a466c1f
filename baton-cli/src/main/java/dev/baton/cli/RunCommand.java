package dev.baton.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code baton run FILE}: placeholder replaced by the engine work. */
@Command(name = "run", description = "Runs a workflow to completion on this machine.")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
