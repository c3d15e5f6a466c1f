package dev.baton.engine.runtime.value;

import dev.baton.engine.core.StoredValue;

import java.util.List;
import java.util.Map;

/**
 * Linux's limits on what a process can be started with: one argument or environment entry may hold at most
 * {@value #MAX_ARG_STRLEN} bytes (MAX_ARG_STRLEN) and all of them together about {@value #ARG_MAX} (ARG_MAX with
 * the default 8 MiB stack). A step over them would fail with "argument list too long"; this says which
 * string is too long, which input parameter it holds, and what works instead.
 */
public final class CommandLineLimits {
    static final long MAX_ARG_STRLEN = 128L * 1024;
    static final long ARG_MAX = 2L * 1024 * 1024;

    private CommandLineLimits() {
    }

    /** Why the step cannot be started with these strings, or null when it can. */
    public static String check(String template, List<String> command, List<String> args, Map<String, String> env,
                               Map<String, String> inputParameters) {
        long total = 0;
        for (int i = 0; i < command.size(); i++) {
            String problem = single(template, "command[" + i + "]", command.get(i), inputParameters);
            if (problem != null) {
                return problem;
            }
            total += StoredValue.expandedSize(command.get(i)) + 1;
        }
        for (int i = 0; i < args.size(); i++) {
            String problem = single(template, "args[" + i + "]", args.get(i), inputParameters);
            if (problem != null) {
                return problem;
            }
            total += StoredValue.expandedSize(args.get(i)) + 1;
        }
        for (Map.Entry<String, String> var : env.entrySet()) {
            String entry = var.getKey() + "=" + var.getValue();
            String problem = single(template, "env " + var.getKey(), entry, inputParameters);
            if (problem != null) {
                return problem;
            }
            total += StoredValue.expandedSize(entry) + 1;
        }
        if (total > ARG_MAX) {
            return "template '" + template + "': its command, args and env add up to " + total
                    + " bytes, more than Linux accepts for starting a program (ARG_MAX, about "
                    + ValueLimits.describe(ARG_MAX) + "); " + remedy();
        }
        return null;
    }

    private static String single(String template, String where, String text, Map<String, String> inputParameters) {
        long size = StoredValue.expandedSize(text) + 1;
        if (size <= MAX_ARG_STRLEN) {
            return null;
        }
        String holder = holder(text, inputParameters);
        return "template '" + template + "': " + where + " is " + (size - 1) + " bytes"
                + (holder == null ? "" : " (it holds input parameter '" + holder + "')")
                + ", more than Linux accepts for one argument or environment variable (MAX_ARG_STRLEN, "
                + ValueLimits.describe(MAX_ARG_STRLEN) + "); " + remedy();
    }

    private static String remedy() {
        return "read large values from the file $BATON_INPUT_PARAMETERS/<name>, or substitute them into a script"
                + " source";
    }

    /** The input parameter whose (large) value the text holds, if any. */
    private static String holder(String text, Map<String, String> inputParameters) {
        for (Map.Entry<String, String> p : inputParameters.entrySet()) {
            String value = p.getValue();
            if (value != null && (value.length() >= 1024 || StoredValue.of(value) != null) && text.contains(value)) {
                return p.getKey();
            }
        }
        return null;
    }
}
