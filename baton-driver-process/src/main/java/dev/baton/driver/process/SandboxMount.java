package dev.baton.driver.process;

/**
 * One mount that builds a step's private root; {@code target} is a top-level name inside that root.
 *
 * @param source the host path bound, or the overlay's lower directory; unused for {@code PROC}
 * @param upper  the overlay's upper directory, relative to the work area
 * @param work   the overlay's work directory, relative to the work area
 */
record SandboxMount(Kind kind, String source, String target, String upper, String work) {

    enum Kind { BIND_TREE, BIND_FILE, DEVICES, PROC, OVERLAY }

    static SandboxMount bind(Kind kind, String name) {
        return new SandboxMount(kind, "/" + name, name, null, null);
    }

    static SandboxMount proc() {
        return new SandboxMount(Kind.PROC, "proc", "proc", null, null);
    }

    static SandboxMount overlay(String name, String upper, String work) {
        return new SandboxMount(Kind.OVERLAY, "/" + name, name, upper, work);
    }
}
