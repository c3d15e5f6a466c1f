package dev.baton.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.util.regex.Pattern;

/** Says why a request body is not valid JSON in the sender's terms, quoting none of the parser's internals. */
final class JsonFailures {
    /** Jackson names the setting behind a limit, e.g. {@code (1000, from `StreamReadConstraints...()`)}. */
    private static final Pattern SETTING = Pattern.compile("\\s*\\(([^()`]*), from `[^`]*`\\)");
    /** Jackson may add a reference to its own source object, e.g. {@code (for Object starting at ...)}. */
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");

    private JsonFailures() {
    }

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        message = SETTING.matcher(message).replaceAll(" ($1)");
        message = BACKTICKED.matcher(message).replaceAll("a limit");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.isBlank()) {
            message = e instanceof StreamConstraintsException ? "the document exceeds a size limit"
                    : "the document cannot be parsed";
        }
        return message + (e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "");
    }
}
