package dev.baton.engine.runtime.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.core.RunEvent;

/** Writes the scheduler's events as JSON for the run log and reads them back for replay. */
public final class EventCodec {
    private static final ObjectMapper JSON = StoredJson.mapper();

    private EventCodec() {
    }

    public static String type(RunEvent event) {
        return event.getClass().getSimpleName();
    }

    public static String encode(RunEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + type(event), e);
        }
    }

    public static RunEvent decode(String type, String json) {
        Class<? extends RunEvent> kind = switch (type) {
            case "RunStarted" -> RunEvent.RunStarted.class;
            case "StepStarted" -> RunEvent.StepStarted.class;
            case "StepFinished" -> RunEvent.StepFinished.class;
            case "TimerFired" -> RunEvent.TimerFired.class;
            case "CancelRequested" -> RunEvent.CancelRequested.class;
            case "StopRequested" -> RunEvent.StopRequested.class;
            case "SuspendRequested" -> RunEvent.SuspendRequested.class;
            case "ResumeRequested" -> RunEvent.ResumeRequested.class;
            case "RetryRequested" -> RunEvent.RetryRequested.class;
            case "MemoLookedUp" -> RunEvent.MemoLookedUp.class;
            case "LockAcquired" -> RunEvent.LockAcquired.class;
            default -> throw new IllegalArgumentException("unknown event type '" + type + "' in the run log");
        };
        try {
            return JSON.readValue(json, kind);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type + " event in the run log: " + e.getMessage(), e);
        }
    }
}
