package dev.baton.bench;

/**
 * A quick, dependency-free measurement of the scheduler's cost per node at 1k, 10k and 100k nodes
 * (best of several runs after warm-up), printed as a table; the JMH benchmark gives the careful figures.
 */
public final class SchedulerScaling {
    private SchedulerScaling() {
    }

    public static void main(String[] args) {
        int[] sizes = {1_000, 10_000, 100_000};
        System.out.println("| shape | nodes | best run (ms) | µs per node |");
        System.out.println("|---|---:|---:|---:|");
        for (String shape : new String[] {"fanout", "chain"}) {
            for (int size : sizes) {
                NoOpRun run = new NoOpRun(shape.equals("fanout") ? NoOpRun.fanOut(size) : NoOpRun.chain(size));
                int repeats = size >= 100_000 ? 5 : 20;
                for (int i = 0; i < 3; i++) {
                    run.run();
                }
                long best = Long.MAX_VALUE;
                int created = 0;
                for (int i = 0; i < repeats; i++) {
                    long start = System.nanoTime();
                    created = run.run();
                    best = Math.min(best, System.nanoTime() - start);
                }
                System.out.printf("| %s | %d | %.1f | %.2f |%n", shape, created, best / 1e6, best / 1e3 / created);
            }
        }
    }
}
