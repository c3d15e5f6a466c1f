package dev.baton.engine.core;

import java.util.List;

/** The scheduler's answer to one event: the state it moved to and the effects to carry out. */
public record Decision(RunState next, List<Effect> effects) {
    public Decision {
        effects = List.copyOf(effects);
    }
}
