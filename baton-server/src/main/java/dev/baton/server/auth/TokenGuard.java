package dev.baton.server.auth;

import dev.baton.server.http.ApiError;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TokenRecord;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Requires a bearer token the store knows: 401 without one or with an unknown, expired or revoked one, 403 when its
 * role or its namespace does not allow the request. The token is looked up on every request (no cache), so a
 * revocation holds from the next request on, also on a running server.
 */
public final class TokenGuard implements Guard {
    /** The namespace of a token valid in every namespace. */
    public static final String ALL_NAMESPACES = "*";
    private final Store store;
    private final Clock clock;
    private final TokenUses uses;

    public TokenGuard(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.uses = new TokenUses(store.tokens());
    }

    @Override
    public void check(Context ctx, Action action, String namespace) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "Unauthorized", "send a token as 'Authorization: Bearer TOKEN' "
                    + "(make one with baton token create)");
        }
        Optional<TokenRecord> token = store.tokens().findByDigest(ApiTokens.digest(header.substring(7).trim()));
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiError(401, "Unauthorized", "the token is not known to this server (mistyped, or made for "
                    + "another store)");
        }
        TokenRecord t = token.get();
        Instant now = clock.instant();
        switch (t.standingAt(now)) {
            case ACTIVE -> uses.used(t, now);
            // says why, and nothing about the token (its name, namespace, role or dates) to whoever holds it
            case EXPIRED -> refuse(ctx, "the token has expired; ask for a new one (baton token create)");
            case REVOKED -> refuse(ctx, "the token has been revoked; ask for a new one (baton token create)");
        }
        Role role = Role.parse(t.role());
        boolean everywhere = ALL_NAMESPACES.equals(t.namespace());
        if (namespace != null && !everywhere && !t.namespace().equals(namespace)) {
            throw new ApiError(403, "Forbidden", "token '" + t.name() + "' may act in namespace " + t.namespace()
                    + " only, not in " + namespace);
        }
        if (namespace == null && action != Action.READ && !everywhere) {
            throw new ApiError(403, "Forbidden", "token '" + t.name() + "' is limited to namespace "
                    + t.namespace() + "; this request concerns every namespace");
        }
        if (!role.allows(action)) {
            throw new ApiError(403, "Forbidden", "token '" + t.name() + "' has role " + role.label()
                    + ", which may not " + describe(action));
        }
    }

    private static void refuse(Context ctx, String detail) {
        ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        throw new ApiError(401, "Unauthorized", detail);
    }

    private static String describe(Action action) {
        return switch (action) {
            case READ -> "read";
            case WRITE -> "submit, change or delete";
            case ADMIN -> "change what every namespace shares";
        };
    }
}
