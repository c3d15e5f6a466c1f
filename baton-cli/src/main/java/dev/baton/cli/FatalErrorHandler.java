package dev.baton.cli;

import picocli.CommandLine;

/** Reports an unexpected failure in one line (the stack trace only with BATON_DEBUG set). */
final class FatalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        if (System.getenv("BATON_DEBUG") != null) {
            e.printStackTrace(System.err);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        System.err.println("baton: " + message);
        return 1;
    }
}
