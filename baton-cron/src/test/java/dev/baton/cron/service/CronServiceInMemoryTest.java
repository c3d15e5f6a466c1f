package dev.baton.cron.service;

import dev.baton.spi.store.Store;
import dev.baton.testkit.store.InMemoryStore;

/** The cron service on the in-memory store; a restart keeps the same store, as a process would its database. */
class CronServiceInMemoryTest extends CronServiceContract {

    @Override
    Store openStore() {
        return new InMemoryStore();
    }

    @Override
    Store reopen(Store store) {
        return store;
    }

    @Override
    Store secondEngineStore(Store store) {
        return store;
    }
}
