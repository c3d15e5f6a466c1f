package dev.baton.spi.store;

/**
 * A write carried a lease whose generation is no longer the run's: another owner took the run over (or the
 * run was deleted). Nothing of the write was stored; the caller must stop working on the run.
 */
public final class FencedException extends StoreException {
    public FencedException(String message) {
        super(message);
    }
}
