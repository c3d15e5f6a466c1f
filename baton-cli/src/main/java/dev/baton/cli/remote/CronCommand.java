package dev.baton.cli.remote;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code baton cron create|list|get|delete}: the CronWorkflows a server keeps. */
@Command(name = "cron", description = "Manages CronWorkflows on a Baton server.",
        subcommands = {CronCommand.Create.class, CronCommand.List.class, CronCommand.Get.class,
                CronCommand.Delete.class, CronCommand.Suspend.class, CronCommand.Resume.class})
public final class CronCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** {@code baton cron create FILE}. */
    @Command(name = "create", description = "Creates the CronWorkflow of FILE on the server.")
    static final class Create extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "A file with a CronWorkflow document.")
        Path file;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml: what was created.")
        String output;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.CRON.create(remote, namespace, file, output);
        }
    }

    /** {@code baton cron list}. */
    @Command(name = "list", description = "Lists the CronWorkflows of a namespace.")
    static final class List extends StoredObjectOptions implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml instead of a table.")
        String output;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.CRON.list(remote, namespace, output);
        }
    }

    /** {@code baton cron get NAME}. */
    @Command(name = "get", description = "Prints a CronWorkflow (yaml unless -o json).")
    static final class Get extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The cron workflow's name.")
        String name;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml (default).")
        String output;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.CRON.get(remote, namespace, name, output);
        }
    }

    /** {@code baton cron delete NAME}. */
    @Command(name = "delete", description = "Deletes a CronWorkflow.")
    static final class Delete extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The cron workflow's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.CRON.delete(remote, namespace, name);
        }
    }

    /** {@code baton cron suspend NAME}: no more runs are started until resumed. */
    @Command(name = "suspend", description = "Stops a CronWorkflow from starting runs until resumed.")
    static final class Suspend extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The cron workflow's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.CRON.act(remote, namespace, name, "suspend");
        }
    }

    /** {@code baton cron resume NAME}. */
    @Command(name = "resume", description = "Lets a suspended CronWorkflow start runs again.")
    static final class Resume extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The cron workflow's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.CRON.act(remote, namespace, name, "resume");
        }
    }
}
