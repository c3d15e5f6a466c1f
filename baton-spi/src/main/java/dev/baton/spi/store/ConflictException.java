package dev.baton.spi.store;

/** Something with the same unique name already exists (a run's namespace and name). */
public final class ConflictException extends StoreException {
    public ConflictException(String message) {
        super(message);
    }
}
