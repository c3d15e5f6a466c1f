package dev.baton.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What one in-process {@code baton lint} printed and returned. */
record LintOutput(int exitCode, String stdout, String stderr, java.time.Duration elapsed) {

    static LintOutput run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            String[] command = new String[args.length + 1];
            command[0] = "lint";
            System.arraycopy(args, 0, command, 1, args.length);
            long start = System.nanoTime();
            int exit = Baton.execute(command);
            java.time.Duration elapsed = java.time.Duration.ofNanos(System.nanoTime() - start);
            return new LintOutput(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                    elapsed);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    boolean hasStackTrace() {
        String all = stdout + stderr;
        return all.contains("\tat ") || all.contains("Exception") || all.contains("Error:");
    }
}
