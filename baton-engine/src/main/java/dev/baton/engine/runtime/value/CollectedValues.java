package dev.baton.engine.runtime.value;

import dev.baton.engine.core.StoredValue;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a value a step produced (an output parameter's file, its standard output) without holding a large
 * one in memory: a value up to the inline threshold is read as text; a larger one is streamed into the
 * artifact store, hashed on the way, and becomes a {@link StoredValue} handle; one over the maximum is refused.
 */
public final class CollectedValues {
    private final ArtifactStore store;
    private final ValueLimits limits;

    public CollectedValues(ArtifactStore store, ValueLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    public ValueLimits limits() {
        return limits;
    }

    /** The value read, or why it was refused. */
    public sealed interface Collected {
        /** The value as the run carries it: its text, or a stored value's handle. */
        record Value(String text) implements Collected {
        }

        /** The value is larger than the maximum. */
        record TooLarge(String message) implements Collected {
        }
    }

    /**
     * Reads {@code file} as the value {@code what} (for messages, e.g. {@code output parameter 'x'}). A stored
     * value loses one trailing newline before it is stored, as every value does when it is published. An inline
     * value's bytes that are not UTF-8 are each replaced by U+FFFD; a stored value keeps its bytes.
     */
    public Collected read(Path file, String what) throws IOException {
        long size = Files.size(file);
        if (size <= limits.inlineMax()) {
            return new Collected.Value(text(file));
        }
        long kept = endsWithNewline(file, size) ? size - 1 : size;
        if (kept > limits.maximum()) {
            return new Collected.TooLarge(what + " is " + kept + " bytes, larger than the maximum of "
                    + ValueLimits.describe(limits.maximum()) + " for one value (" + ValueLimits.MAXIMUM_VARIABLE
                    + "); pass data this large as an output artifact instead");
        }
        if (kept <= limits.inlineMax()) {
            return new Collected.Value(text(file));
        }
        BlobRef blob;
        try (InputStream in = new Prefix(Files.newInputStream(file), kept)) {
            blob = store.put(in);
        }
        return new Collected.Value(new StoredValue(blob.digest(), blob.size()).handle());
    }

    /**
     * The file as text; bytes that are not UTF-8 become U+FFFD, as in Argo (whose values pass through Go's JSON
     * encoding), so that a step printing Latin-1 still succeeds.
     */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static boolean endsWithNewline(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(size - 1);
            return raf.read() == '\n';
        }
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class Prefix extends FilterInputStream {
        private long left;

        Prefix(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException();
        }
    }
}
