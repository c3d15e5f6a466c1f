package dev.baton.spi.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The position after the last run of a page (newest first): its creation instant and uid, as an opaque string. */
public record RunCursor(Instant createdAt, String uid) {

    public String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + uid;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static RunCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            int dot = plain.indexOf('.');
            Instant at = Instant.ofEpochSecond(Long.parseLong(plain.substring(0, dot)),
                    Long.parseLong(plain.substring(dot + 1, colon)));
            return new RunCursor(at, plain.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new StoreException("not a cursor of this store: '" + cursor + "'", e);
        }
    }

    /** Whether a run created at {@code at} with {@code uid} comes after this position in newest-first order. */
    public boolean isBefore(Instant at, String otherUid) {
        int c = at.compareTo(createdAt);
        return c < 0 || (c == 0 && otherUid.compareTo(uid) < 0);
    }
}
