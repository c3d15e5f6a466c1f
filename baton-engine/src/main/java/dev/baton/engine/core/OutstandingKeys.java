package dev.baton.engine.core;

/** Names the effects that wait for an answer, so the answering event can mark them done. */
final class OutstandingKeys {
    private OutstandingKeys() {
    }

    static String of(Effect effect) {
        return switch (effect) {
            case Effect.LaunchStep l -> step(l.nodeId());
            case Effect.ScheduleTimer t -> timer(t.nodeId(), t.purpose());
            case Effect.LookUpMemo m -> memo(m.nodeId());
            case Effect.AcquireLock a -> lock(a.holder(), a.lock());
            case Effect.CancelStep c -> null;
            case Effect.SaveMemo s -> null;
            case Effect.ReleaseLock r -> null;
            case Effect.FinishRun f -> null;
        };
    }

    static String step(String nodeId) {
        return "step:" + nodeId;
    }

    static String timer(String nodeId, String purpose) {
        return "timer:" + nodeId + "/" + purpose;
    }

    static String memo(String nodeId) {
        return "memo:" + nodeId;
    }

    static String lock(String holder, String lock) {
        return "lock:" + holder + "\n" + lock;
    }
}
