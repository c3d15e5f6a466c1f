package dev.baton.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The scheduler core's cost for a whole run with a no-op driver, at several sizes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SchedulerBenchmark {
    @Param({"1000", "10000", "100000"})
    int nodes;

    @Param({"fanout", "chain"})
    String shape;

    NoOpRun run;

    @Setup
    public void setUp() {
        run = new NoOpRun(shape.equals("fanout") ? NoOpRun.fanOut(nodes) : NoOpRun.chain(nodes));
    }

    @Benchmark
    public int wholeRun() {
        return run.run();
    }
}
