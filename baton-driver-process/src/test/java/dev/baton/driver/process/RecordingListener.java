package dev.baton.driver.process;

import dev.baton.spi.driver.AttemptId;
import dev.baton.spi.driver.StepListener;
import dev.baton.spi.driver.StepOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a driver reports for one attempt, so a test can wait for it. */
final class RecordingListener implements StepListener {
    final CountDownLatch started = new CountDownLatch(1);
    final CompletableFuture<StepOutcome> outcome = new CompletableFuture<>();
    final AtomicInteger finishedCalls = new AtomicInteger();

    @Override
    public void started(AttemptId attempt) {
        started.countDown();
    }

    @Override
    public void finished(AttemptId attempt, StepOutcome result) {
        finishedCalls.incrementAndGet();
        outcome.complete(result);
    }

    StepOutcome await() throws Exception {
        return await(Duration.ofSeconds(30));
    }

    StepOutcome await(Duration timeout) throws Exception {
        return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    StepOutcome.Exited exited() throws Exception {
        StepOutcome result = await();
        if (!(result instanceof StepOutcome.Exited exited)) {
            throw new AssertionError("expected the step to exit, got " + result);
        }
        return exited;
    }

    boolean awaitStarted() throws InterruptedException {
        return started.await(30, TimeUnit.SECONDS);
    }
}
