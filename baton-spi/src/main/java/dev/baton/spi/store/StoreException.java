package dev.baton.spi.store;

/** The store could not do what was asked: the database failed, or a rule of the store was broken. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
