package dev.baton.server.auth;

import dev.baton.spi.artifact.Sha256;
import dev.baton.spi.store.Store;
import dev.baton.spi.store.TokenRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Makes API tokens: 256 random bits shown once to the caller; the store keeps only their SHA-256. */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "baton_";

    private ApiTokens() {
    }

    /** A token just made, and what the store keeps of it. */
    public record Issued(String token, TokenRecord record) {
    }

    /** Creates and stores a token that does not expire; the returned {@link Issued#token()} cannot be recovered. */
    public static Issued create(Store store, String name, String namespace, Role role, Instant now) {
        return create(store, name, namespace, role, now, null);
    }

    /**
     * Creates and stores a token; the returned {@link Issued#token()} cannot be recovered later.
     *
     * @param expiresAt when the token stops opening the API; null for never
     */
    public static Issued create(Store store, String name, String namespace, Role role, Instant now,
                                Instant expiresAt) {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("a token needs a namespace (or * for every namespace)");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        TokenRecord record = new TokenRecord(name, digest(token), namespace, role.label(), now)
                .withExpiresAt(expiresAt);
        store.tokens().create(record);
        return new Issued(token, record);
    }

    /** The digest the store keeps of a token. */
    public static String digest(String token) {
        MessageDigest digest = Sha256.newDigest();
        return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
