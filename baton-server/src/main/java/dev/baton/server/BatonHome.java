package dev.baton.server;

import java.nio.file.Path;

/** Where Baton keeps its data: {@code $BATON_HOME}, by default {@code ~/.baton}. */
public final class BatonHome {
    private BatonHome() {
    }

    public static Path resolve() {
        String env = System.getenv("BATON_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".baton");
    }
}
