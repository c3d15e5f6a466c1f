package dev.baton.cli;

import sun.misc.Signal;

/** Turns Ctrl-C (SIGINT) and SIGTERM into a clean cancellation instead of an abrupt exit. */
final class Interrupts {
    private Interrupts() {
    }

    static void onInterrupt(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException e) {
                // The signal is not available on this platform; the default handling applies.
            }
        }
    }
}
