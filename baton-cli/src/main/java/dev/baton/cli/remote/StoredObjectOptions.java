package dev.baton.cli.remote;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command on a server's stored objects (templates, cron workflows) takes. */
class StoredObjectOptions {
    @Option(names = {"-n", "--namespace"}, defaultValue = "default", description = "The namespace.")
    String namespace;

    @Mixin
    RemoteOptions remote;
}
