package dev.baton.cli.remote;

/** A remote command that cannot go on: one line for people and the exit status to end with. */
public final class RemoteFailure extends RuntimeException {
    private final int exitStatus;

    public RemoteFailure(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    /** 2 for invalid input (a bad request, a bad file, a bad setting), 1 otherwise. */
    public int exitStatus() {
        return exitStatus;
    }
}
