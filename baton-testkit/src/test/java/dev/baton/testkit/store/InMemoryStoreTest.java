package dev.baton.testkit.store;

import dev.baton.spi.store.Store;
import java.nio.file.Path;

/** Runs the store contract against the in-memory store. */
class InMemoryStoreTest extends StoreContract {

    @Override
    protected Store newStore(Path tempDir) {
        return new InMemoryStore();
    }
}
