package dev.baton.artifact.fs;

import dev.baton.spi.artifact.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/** Copies a stream into a temporary file under the store's {@code tmp} directory, hashing it on the way. */
final class TempBlobWriter {
    private final Path tempDirectory;

    TempBlobWriter(Path tempDirectory) {
        this.tempDirectory = tempDirectory;
    }

    /** Writes, fsyncs and makes the file read-only; on any failure the temporary file is deleted. */
    WrittenBlob write(InputStream content) throws IOException {
        Path temp = Files.createTempFile(tempDirectory, "blob-", ".part");
        try {
            WrittenBlob written = copy(content, temp);
            ReadOnlyFiles.makeReadOnly(temp);
            return written;
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    private WrittenBlob copy(InputStream content, Path temp) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[Sha256.BUFFER_SIZE];
        long size = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            while (true) {
                int n = readSource(content, buffer, size);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                digest.update(buffer, 0, n);
                writeFully(channel, ByteBuffer.wrap(buffer, 0, n), size);
                size += n;
            }
            forceToDisk(channel, size);
        }
        return new WrittenBlob(temp, Sha256.format(digest), size);
    }

    private static int readSource(InputStream content, byte[] buffer, long sizeSoFar) throws IOException {
        try {
            return content.read(buffer);
        } catch (InterruptedIOException | ClosedByInterruptException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot store blob: reading the content failed after " + sizeSoFar + " bytes: "
                    + e.getMessage(), e);
        }
    }

    private void writeFully(FileChannel channel, ByteBuffer bytes, long sizeSoFar) throws IOException {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (ClosedByInterruptException e) {
            throw e;
        } catch (IOException e) {
            throw writeFailure("writing", sizeSoFar, e);
        }
    }

    private void forceToDisk(FileChannel channel, long size) throws IOException {
        try {
            channel.force(true);
        } catch (ClosedByInterruptException e) {
            throw e;
        } catch (IOException e) {
            throw writeFailure("syncing", size, e);
        }
    }

    private IOException writeFailure(String action, long sizeSoFar, IOException cause) {
        return new IOException("cannot store blob in " + tempDirectory.getParent() + ": " + action
                + " the temporary file failed after " + sizeSoFar + " bytes (" + usableSpace() + "): "
                + cause.getMessage(), cause);
    }

    private String usableSpace() {
        try {
            return Files.getFileStore(tempDirectory).getUsableSpace() + " bytes free on that file system";
        } catch (IOException e) {
            return "free space unknown";
        }
    }

    private static void deleteQuietly(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
