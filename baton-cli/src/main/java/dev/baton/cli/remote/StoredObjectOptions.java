package dev.baton.cli.remote;

import dev.baton.cli.NamespaceArgument;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command on a server's stored objects (templates, cron workflows) takes. */
class StoredObjectOptions {
    @Option(names = {"-n", "--namespace"}, converter = NamespaceArgument.class,
            defaultValue = "default", description = "The namespace.")
    String namespace;

    @Mixin
    RemoteOptions remote;
}
