package dev.baton.engine.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter value or {@code result} too large to keep in the run's state, kept as a blob in the artifact
 * store instead. The run carries it as a short {@link #handle() handle} wherever a value is a string
 * (node outputs, events, snapshots, memoized outputs), so the core passes it around without reading it;
 * substituting it into a script source or a parameter file writes the blob's bytes there, and only the
 * shell does that.
 *
 * @param digest the blob's content address ({@code sha256:…})
 * @param size   the value's length in bytes
 */
public record StoredValue(String digest, long size) {
    // U+0001 cannot appear in YAML text and is unlikely in program output, so a handle is not mistaken for data.
    private static final char MARK = '\u0001';
    private static final String OPEN = MARK + "baton-value:";

    /** Why a condition or loop list that holds a stored value is not evaluated. */
    public static final String TOO_LARGE_TO_EVALUATE = "it uses a value kept in the artifact store because it is"
            + " larger than the inline threshold (BATON_VALUE_INLINE_MAX, default 256 KiB), and when and withParam"
            + " only read values up to that threshold: raise it, or pass a smaller value";

    public StoredValue {
        if (digest == null || digest.indexOf(MARK) >= 0 || digest.indexOf(':') < 0 || size < 0) {
            throw new IllegalArgumentException("not a stored value: " + digest + " (" + size + " bytes)");
        }
    }

    /** The short text standing for this value in the run: {@code ␁baton-value:sha256:…:SIZE␁}. */
    public String handle() {
        return OPEN + digest + ":" + size + MARK;
    }

    /** Whether some text holds a stored value's handle (a tag substituted with a large value). */
    public static boolean occursIn(String text) {
        return text != null && text.contains(OPEN);
    }

    /** The stored value a whole text stands for, or null when the text is an ordinary value. */
    public static StoredValue of(String text) {
        if (text == null || !text.startsWith(OPEN)) {
            return null;
        }
        List<Piece> pieces = split(text);
        return pieces.size() == 1 && pieces.getFirst() instanceof Piece.Stored stored ? stored.value() : null;
    }

    /** A text's pieces in order: literal text and the stored values whose handles it holds. */
    public static List<Piece> split(String text) {
        List<Piece> pieces = new ArrayList<>();
        int from = 0;
        int open = text.indexOf(OPEN);
        while (open >= 0) {
            int close = text.indexOf(MARK, open + OPEN.length());
            StoredValue value = close < 0 ? null : parse(text.substring(open + OPEN.length(), close));
            if (value == null) {
                open = text.indexOf(OPEN, open + 1);
                continue;
            }
            if (open > from) {
                pieces.add(new Piece.Literal(text.substring(from, open)));
            }
            pieces.add(new Piece.Stored(value));
            from = close + 1;
            open = text.indexOf(OPEN, from);
        }
        if (from < text.length() || pieces.isEmpty()) {
            pieces.add(new Piece.Literal(text.substring(from)));
        }
        return pieces;
    }

    /** How many bytes a text stands for once every handle is replaced by its value (UTF-8). */
    public static long expandedSize(String text) {
        long size = 0;
        for (Piece piece : split(text)) {
            size += switch (piece) {
                case Piece.Literal literal -> literal.text().getBytes(StandardCharsets.UTF_8).length;
                case Piece.Stored stored -> stored.value().size();
            };
        }
        return size;
    }

    private static StoredValue parse(String body) {
        int last = body.lastIndexOf(':');
        if (last <= 0) {
            return null;
        }
        try {
            return new StoredValue(body.substring(0, last), Long.parseLong(body.substring(last + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A piece of a text that may hold handles. */
    public sealed interface Piece {
        /** Text written as it is. */
        record Literal(String text) implements Piece {
        }

        /** A stored value, written from the artifact store. */
        record Stored(StoredValue value) implements Piece {
        }
    }
}
