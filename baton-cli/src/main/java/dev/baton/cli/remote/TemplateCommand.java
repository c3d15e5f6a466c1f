package dev.baton.cli.remote;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code baton template create|list|get|delete}: the WorkflowTemplates a server keeps. */
@Command(name = "template", description = "Manages WorkflowTemplates on a Baton server.",
        subcommands = {TemplateCommand.Create.class, TemplateCommand.List.class, TemplateCommand.Get.class,
                TemplateCommand.Delete.class})
public final class TemplateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** {@code baton template create FILE}. */
    @Command(name = "create", description = "Creates the WorkflowTemplate of FILE on the server.")
    static final class Create extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "A file with a WorkflowTemplate document.")
        Path file;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml: what was created.")
        String output;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.TEMPLATES.create(remote, namespace, file, output);
        }
    }

    /** {@code baton template list}. */
    @Command(name = "list", description = "Lists the WorkflowTemplates of a namespace.")
    static final class List extends StoredObjectOptions implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml instead of a table.")
        String output;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.TEMPLATES.list(remote, namespace, output);
        }
    }

    /** {@code baton template get NAME}. */
    @Command(name = "get", description = "Prints a WorkflowTemplate (yaml unless -o json).")
    static final class Get extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The template's name.")
        String name;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json or yaml (default).")
        String output;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.TEMPLATES.get(remote, namespace, name, output);
        }
    }

    /** {@code baton template delete NAME}. */
    @Command(name = "delete", description = "Deletes a WorkflowTemplate.")
    static final class Delete extends StoredObjectOptions implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The template's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return StoredObjects.TEMPLATES.delete(remote, namespace, name);
        }
    }
}
