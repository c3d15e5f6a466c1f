package dev.baton.cli.remote;

import dev.baton.cli.NamespaceArgument;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code baton submit FILE}: sends a workflow to a server to run there; {@code --wait} follows it to its end. */
@Command(name = "submit", description = "Submits a workflow to a Baton server (prints its name).")
public final class SubmitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The workflow file (YAML or JSON); its first Workflow is sent.")
    Path file;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "Sets a workflow parameter (repeatable).")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--wait", description = "Waits for the run to end; exits 0 when it Succeeded, 1 otherwise.")
    boolean await;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "Prints the server's Workflow (the final one with --wait) as json or yaml.")
    String output;

    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            defaultValue = "default", description = "The namespace to run in.")
    String namespace;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() throws Exception {
        return RemoteCall.run(() -> {
            RemoteCall.checkFormat(output);
            WorkflowFile.Document document = WorkflowFile.read(file, "Workflow");
            WorkflowFile.applyParameters(document.tree(), parameters);
            ServerClient client = remote.client();
            Object body;
            if (parameters.isEmpty() && document.onlyText() != null) {
                body = new ServerClient.Yaml(document.onlyText());
            } else {
                body = ServerClient.JSON.createObjectNode().set("workflow", document.tree());
            }
            JsonNode created = client.post(RemoteCall.collection("workflows", namespace), body);
            String name = created.path("metadata").path("name").asText();
            if (!await) {
                if (output != null) {
                    RemoteCall.print(output, created);
                } else {
                    System.out.println(name);
                }
                return 0;
            }
            System.err.println("submitted " + name + " to " + client.target() + " (namespace " + namespace + ")");
            JsonNode last = new RunFollower(client, namespace, name, System.err).follow();
            if (output != null) {
                RemoteCall.print(output, last);
            }
            System.err.println(RunFollower.summary(last));
            return RunFollower.exitStatus(last);
        });
    }
}
