package dev.baton.spi.store;

/**
 * The database cannot be opened safely: it is not a database of this kind (a corrupt or foreign file) or its
 * schema is newer than this version of Baton knows. It was left exactly as it was.
 */
public final class IncompatibleDatabaseException extends StoreException {
    public IncompatibleDatabaseException(String message) {
        super(message);
    }

    public IncompatibleDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
