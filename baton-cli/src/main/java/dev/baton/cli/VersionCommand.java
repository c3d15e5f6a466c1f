package dev.baton.cli;

import picocli.CommandLine.Command;

/** {@code baton version}: prints the version. */
@Command(name = "version", description = "Prints Baton's version.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println(new BatonVersion().getVersion()[0]);
    }
}
