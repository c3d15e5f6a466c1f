package dev.baton.template.fuzz;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a message shown to a user must never contain: a Java class, a stack frame, a library's name. */
final class Leaks {
    static final Pattern PATTERN = Pattern.compile(
            "(?:\\b(?:java|javax|jdk|sun|com|org|dev)\\.[a-z0-9_]+\\.[a-zA-Z_.]+)"
                    + "|(?:\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b)"
                    + "|(?:\\tat )|(?:\\.java:\\d+)"
                    + "|(?i:jackson|snakeyaml|StreamReadConstraints)");

    private Leaks() {
    }

    static void assertNone(String message, String input) {
        assertThat(message).as("message for input %s", Bounded.shown(input)).isNotBlank()
                .doesNotContainPattern(PATTERN);
    }
}
