package dev.baton.model.run;

/** The phase of a whole run. */
public enum WorkflowPhase {
    Pending, Running, Succeeded, Failed, Error;

    public boolean isFinished() {
        return this == Succeeded || this == Failed || this == Error;
    }
}
