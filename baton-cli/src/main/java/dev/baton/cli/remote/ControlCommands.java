package dev.baton.cli.remote;

import dev.baton.cli.NamespaceArgument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The commands that act on a run on a server: stop, terminate, suspend, resume, retry and resubmit. */
public final class ControlCommands {
    private ControlCommands() {
    }

    /** Sends {@code PUT /api/v1/workflows/NS/RUN/OPERATION} and says what the server did. */
    abstract static class Control implements Callable<Integer> {
        @Parameters(paramLabel = "RUN", description = "The run's name.")
        String name;

        @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
                defaultValue = "default", description = "The run's namespace.")
        String namespace;

        @Mixin
        RemoteOptions remote;

        abstract String operation();

        ObjectNode body() {
            return ServerClient.JSON.createObjectNode().put("name", name).put("namespace", namespace);
        }

        @Override
        public Integer call() throws Exception {
            return RemoteCall.run(() -> {
                JsonNode answer = remote.client().put(RemoteCall.item("workflows", namespace, name) + "/"
                        + operation(), body());
                report(answer);
                return 0;
            });
        }

        void report(JsonNode answer) {
            System.out.println("workflow " + name + ": " + operation() + " requested (now "
                    + answer.path("status").path("phase").asText("?") + ")");
        }
    }

    /** {@code baton stop RUN}. */
    @Command(name = "stop", description = "Stops a run on a server: running steps end, exit handlers still run.")
    public static final class Stop extends Control {
        @Override
        String operation() {
            return "stop";
        }
    }

    /** {@code baton terminate RUN}. */
    @Command(name = "terminate", description = "Terminates a run on a server at once; exit handlers do not run.")
    public static final class Terminate extends Control {
        @Override
        String operation() {
            return "terminate";
        }
    }

    /** {@code baton suspend RUN}. */
    @Command(name = "suspend", description = "Suspends a run on a server.")
    public static final class Suspend extends Control {
        @Override
        String operation() {
            return "suspend";
        }
    }

    /** {@code baton resume RUN} when a server is configured: Argo's resume of a suspended run. */
    public static final class Resume extends Control {
        Resume(RemoteOptions remote, String namespace, String name) {
            this.remote = remote;
            this.namespace = namespace;
            this.name = name;
        }

        @Override
        String operation() {
            return "resume";
        }
    }

    /** {@code baton retry RUN}. */
    @Command(name = "retry", description = "Retries a Failed or Error run on a server from its failed nodes.")
    public static final class Retry extends Control {
        @Override
        String operation() {
            return "retry";
        }
    }

    /** {@code baton resubmit RUN}: a new run from the stored spec; prints the new run's name. */
    @Command(name = "resubmit", description = "Runs a server run's workflow again as a new run (prints its name).")
    public static final class Resubmit extends Control {
        @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
                description = "Sets a workflow parameter of the new run (repeatable).")
        List<String> parameters = new ArrayList<>();

        @Override
        String operation() {
            return "resubmit";
        }

        @Override
        ObjectNode body() {
            ObjectNode body = super.body();
            var list = body.putArray("parameters");
            for (String p : parameters) {
                if (p.indexOf('=') <= 0) {
                    throw new RemoteFailure("-p takes NAME=VALUE, not '" + p + "'", 2);
                }
                list.add(p);
            }
            return body;
        }

        @Override
        void report(JsonNode answer) {
            System.out.println(answer.path("metadata").path("name").asText());
        }
    }
}
