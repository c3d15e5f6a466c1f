package dev.baton.server;

import java.util.regex.Pattern;

/** What an answer must never show: a Java class, a stack frame, a library's name, a source file. */
final class AnswerLeaks {
    static final Pattern PATTERN = Pattern.compile(
            "(?:\\b(?:java|javax|jdk|sun|com|org|io|dev)\\.[a-z0-9_]+\\.[a-zA-Z_.]+)"
                    + "|(?:\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b)"
                    + "|(?:\\tat |\\bat [a-z]+\\.[a-z])"
                    + "|(?:\\.java:\\d+)"
                    + "|(?i:jackson|jetty|javalin|snakeyaml|StreamReadConstraints|sqlite|hikari)");

    private AnswerLeaks() {
    }
}
