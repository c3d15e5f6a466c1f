package dev.baton.engine.runtime.durable;

import dev.baton.engine.core.RunState;
import dev.baton.engine.core.Scheduler;
import dev.baton.spi.store.RunRecord;
import dev.baton.spi.store.StoredEvent;
import dev.baton.spi.store.Store;

/**
 * Rebuilds a stored run: its context from the snapshot, then its state by replaying every recorded event
 * through the scheduler at the time it was first applied. The pure core makes the replay exact.
 */
public final class RunRecovery {
    private RunRecovery() {
    }

    public static RunState restore(Store store, RunRecord record) {
        RunState state = new RunState(RunSnapshot.decode(record.specJson()));
        Scheduler scheduler = new Scheduler();
        for (StoredEvent event : store.log().events(record.uid(), 0)) {
            scheduler.apply(state, EventCodec.decode(event.type(), event.payloadJson()), event.at());
        }
        state.takeChanged();
        return state;
    }
}
