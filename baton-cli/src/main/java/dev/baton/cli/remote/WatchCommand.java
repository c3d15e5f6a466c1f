package dev.baton.cli.remote;

import dev.baton.cli.NamespaceArgument;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code baton watch RUN}: prints a server run's node changes until it ends; exits like {@code baton run}. */
@Command(name = "watch", description = "Follows a run on a Baton server until it ends.")
public final class WatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The run's name.")
    String name;

    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            defaultValue = "default", description = "The run's namespace.")
    String namespace;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() throws Exception {
        return RemoteCall.run(() -> {
            JsonNode last = new RunFollower(remote.client(), namespace, name, System.out).follow();
            System.out.println(RunFollower.summary(last));
            return RunFollower.exitStatus(last);
        });
    }
}
