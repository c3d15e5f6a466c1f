package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;

/**
 * Bytes written by a background producer, read as a stream without holding them in memory. A producer
 * failure surfaces as an {@link IOException} at the end of the stream, so a consumer that stores the bytes
 * only once it reaches the end (as artifact stores do) never keeps a truncated result.
 */
final class ProducedInputStream extends InputStream {
    private static final int PIPE_SIZE = 64 * 1024;

    /** Writes everything to {@code out}; does not need to close it. */
    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final PipedInputStream pipe;
    private final Thread producerThread;
    private final String description;
    private volatile Throwable failure;

    private ProducedInputStream(String description, Producer producer) throws IOException {
        this.description = description;
        this.pipe = new PipedInputStream(PIPE_SIZE);
        PipedOutputStream out = new PipedOutputStream(pipe);
        this.producerThread = Thread.ofPlatform().daemon().name("baton-" + description).unstarted(() -> {
            try {
                producer.writeTo(out);
                out.close();
            } catch (Throwable e) {
                failure = e;
                closeAfterFailure(out, e);
            }
        });
    }

    static ProducedInputStream start(String description, Producer producer) throws IOException {
        ProducedInputStream stream = new ProducedInputStream(description, producer);
        stream.producerThread.start();
        return stream;
    }

    @Override
    public int read() throws IOException {
        int b = pipe.read();
        if (b < 0) {
            failIfProducerFailed();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = pipe.read(buffer, offset, length);
        if (n < 0) {
            failIfProducerFailed();
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return pipe.available();
    }

    /** Stops the producer (its next write fails) and waits for it to finish. */
    @Override
    public void close() throws IOException {
        pipe.close();
        try {
            producerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while stopping " + description);
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** The producer's own refusal if that is why {@code consumerFailure} happened, else {@code consumerFailure}. */
    IOException explain(IOException consumerFailure) {
        if (failure instanceof UnsafeArchiveException unsafe) {
            UnsafeArchiveException explained = new UnsafeArchiveException(unsafe.getMessage());
            explained.addSuppressed(consumerFailure);
            return explained;
        }
        return consumerFailure;
    }

    private void failIfProducerFailed() throws IOException {
        try {
            producerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while finishing " + description);
            interrupted.initCause(e);
            throw interrupted;
        }
        Throwable cause = failure;
        if (cause instanceof UnsafeArchiveException unsafe) {
            throw new UnsafeArchiveException(unsafe.getMessage());
        }
        if (cause != null) {
            throw new IOException(description + " failed: " + cause.getMessage(), cause);
        }
    }

    private static void closeAfterFailure(OutputStream out, Throwable failure) {
        try {
            out.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
