package dev.baton.template.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/** Runs one fuzzed input with a time limit, so that a hang is a failure naming its input instead of a stuck build. */
final class Bounded {
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-input");
        t.setDaemon(true);
        return t;
    });

    private Bounded() {
    }

    /** The result of {@code work}, or its exception; an {@link Error} (stack overflow) or a hang fails. */
    static <T> T call(String input, Duration limit, Callable<T> work) throws Exception {
        Future<T> future = WORKERS.submit(work);
        try {
            return future.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("no answer within " + limit + " for input: " + shown(input));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            throw new AssertionError("input " + shown(input) + " threw " + e.getCause(), e.getCause());
        }
    }

    static String shown(String input) {
        String s = input.length() > 300 ? input.substring(0, 300) + "…(" + input.length() + " chars)" : input;
        return "'" + s.replace("\n", "\\n") + "'";
    }
}
