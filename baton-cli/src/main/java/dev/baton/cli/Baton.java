package dev.baton.cli;

import dev.baton.cli.remote.ControlCommands;
import dev.baton.cli.remote.CronCommand;
import dev.baton.cli.remote.SubmitCommand;
import dev.baton.cli.remote.TemplateCommand;
import dev.baton.cli.remote.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code baton} command: entry point of the command-line interface. */
@Command(name = "baton",
        mixinStandardHelpOptions = true,
        versionProvider = BatonVersion.class,
        description = "Runs Argo-compatible workflows.",
        subcommands = {RunCommand.class, ResumeCommand.class, ServerCommand.class, TokenCommand.class, ListCommand.class, GetCommand.class, LogsCommand.class,
                DeleteCommand.class, LintCommand.class, VersionCommand.class, SubmitCommand.class, WatchCommand.class,
                ControlCommands.Stop.class, ControlCommands.Terminate.class, ControlCommands.Suspend.class,
                ControlCommands.Retry.class, ControlCommands.Resubmit.class, TemplateCommand.class, CronCommand.class})
public final class Baton implements Runnable {
    /** Exit status for invalid input (bad YAML, bad arguments, failed validation). */
    public static final int EXIT_INVALID = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (used by tests in-process). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Baton());
        commandLine.setExitCodeExceptionMapper(e -> EXIT_INVALID);
        commandLine.setExecutionExceptionHandler(new FatalErrorHandler());
        return commandLine.execute(args);
    }
}
