package dev.baton.server.auth;

import io.javalin.http.Context;

/** Decides whether a request may do an action in a namespace; throws an API error (401, 403) when it may not. */
public interface Guard {
    /** Lets every request through: the server runs without authentication. */
    Guard OPEN = (ctx, action, namespace) -> {
    };

    /** @param namespace the namespace of the request path, or null for requests about no namespace */
    void check(Context ctx, Action action, String namespace);
}
