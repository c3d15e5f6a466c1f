package dev.baton.spi.store;

import java.util.Locale;

/** Whether a stored token opens the API. */
public enum TokenStanding {
    /** Opens the API for its role and namespace. */
    ACTIVE,
    /** Past its expiry time. */
    EXPIRED,
    /** Revoked by an operator. */
    REVOKED;

    /** The word shown in listings and in 401 answers. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
