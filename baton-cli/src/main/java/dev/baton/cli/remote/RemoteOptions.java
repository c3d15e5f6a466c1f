package dev.baton.cli.remote;

import dev.baton.server.BatonHome;
import picocli.CommandLine.Option;

import java.util.Optional;

/** The {@code --server} and {@code --token} options every command that can talk to a server takes. */
public final class RemoteOptions {
    @Option(names = "--server", paramLabel = "URL",
            description = "The Baton server to talk to (else BATON_SERVER, else server: in $BATON_HOME/config.yaml).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The bearer token to send (else BATON_TOKEN, else token: in $BATON_HOME/config.yaml).")
    String token;

    /** The configured server, or empty when none is set (the command then works locally). */
    public Optional<ServerTarget> target() {
        return ServerTarget.resolve(server, token, System.getenv(), BatonHome.location());
    }

    /** Whether a server is set anywhere (also when its setting is broken: the remote command then says why). */
    public boolean configured() {
        try {
            return target().isPresent();
        } catch (RemoteFailure e) {
            return true;
        }
    }

    /** A client of the configured server; fails when none is set. */
    public ServerClient client() {
        return new ServerClient(target().orElseThrow(() -> new RemoteFailure("no server is configured: say "
                + "--server URL, set BATON_SERVER, or put server: in $BATON_HOME/config.yaml", 2)));
    }
}
