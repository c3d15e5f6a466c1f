package dev.baton.server.auth;

import dev.baton.server.http.ApiError;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TokenRecord;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Requires a bearer token the store knows: 401 without one or with an unknown one, 403 when its role or its
 * namespace does not allow the request.
 */
public final class TokenGuard implements Guard {
    /** The namespace of a token valid in every namespace. */
    public static final String ALL_NAMESPACES = "*";
    private final Store store;

    public TokenGuard(Store store) {
        this.store = store;
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
            throw new ApiError(401, "Unauthorized", "the token is not known to this server (revoked, or made for "
                    + "another store)");
        }
        TokenRecord t = token.get();
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

    private static String describe(Action action) {
        return switch (action) {
            case READ -> "read";
            case WRITE -> "submit, change or delete";
            case ADMIN -> "change what every namespace shares";
        };
    }
}
