package dev.baton.engine.runtime;

import dev.baton.spi.file.FileFailure;

import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node's message says when collecting or preparing a step fails: what happened in the user's terms (the
 * path as the step sees it, the artifact's name), never a Java class name or a path of the machine Baton runs
 * on. The host paths it knows are shown as the step sees them; a host path it does not know becomes "a file of
 * the step's work area". A failure that is a bug is logged with a reference the message carries.
 *
 * @param shown host path prefixes and how to show them, e.g. {@code …/work/run/node-0/out/p} as {@code /tmp/p}
 */
public record FailureText(Map<String, String> shown) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public FailureText {
        List<Map.Entry<String, String>> longestFirst = new ArrayList<>(shown.entrySet());
        longestFirst.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        Map<String, String> ordered = new LinkedHashMap<>();
        longestFirst.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        shown = java.util.Collections.unmodifiableMap(ordered);
    }

    /** Knows no path: every host path under {@code root} is described as part of a work area. */
    public static FailureText under(Path root) {
        return new FailureText(Map.of(root.toAbsolutePath().normalize().toString(), "<work area>"));
    }

    /** As this, also showing {@code host} as {@code view}. */
    public FailureText showing(Path host, String view) {
        Map<String, String> more = new LinkedHashMap<>(shown);
        more.put(host.toAbsolutePath().normalize().toString(), view);
        return new FailureText(more);
    }

    /** The failure in the user's terms. */
    public String describe(Exception e) {
        return switch (e) {
            case FileSystemException f when FileFailure.reason(f).isPresent() ->
                    file(f) + ": " + paths(FileFailure.reason(f).get());
            case CharacterCodingException c -> "a file holds bytes that are not text (UTF-8)";
            case java.net.UnknownHostException u -> "unknown host " + u.getMessage();
            case java.net.ConnectException c -> "cannot connect"
                    + (c.getMessage() == null ? "" : ": " + paths(c.getMessage()));
            case java.io.IOException io when io.getMessage() == null -> "an input/output error";
            case java.io.UncheckedIOException u -> describe(u.getCause());
            case NullPointerException b -> internal(b);
            case ClassCastException b -> internal(b);
            case IndexOutOfBoundsException b -> internal(b);
            case Exception other when other.getMessage() != null && !other.getMessage().isBlank() ->
                    paths(other.getMessage());
            default -> internal(e);
        };
    }

    /** Replaces the host paths in a message with what the user knows them as. */
    public String paths(String message) {
        String text = message;
        for (Map.Entry<String, String> e : shown.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    private String file(FileSystemException f) {
        String file = f.getFile() == null ? "a file" : paths(f.getFile());
        if (f.getFile() != null && file.equals(f.getFile()) && f.getFile().startsWith("/")) {
            // a path this record does not know: name the file only, not where it is on this machine
            Path name = Path.of(f.getFile()).getFileName();
            file = name == null ? "a file" : "'" + name + "'";
        }
        return file;
    }

    /** A failure no user can act on: the server log gets the stack trace under a reference the message names. */
    private static String internal(Exception e) {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String reference = HexFormat.of().formatHex(id);
        System.err.println("baton: internal failure [" + reference + "]:");
        e.printStackTrace();
        return "an internal error occurred (reference " + reference + " in the log)";
    }
}
