package dev.baton.model.run;

/** The phase of one node, named as Argo names it. */
public enum NodePhase {
    Pending, Running, Succeeded, Skipped, Failed, Error, Omitted;

    /** Completed, Skipped or Omitted: nothing more will happen to the node. */
    public boolean isFulfilled() {
        return this != Pending && this != Running;
    }

    public boolean isFailure() {
        return this == Failed || this == Error;
    }
}
