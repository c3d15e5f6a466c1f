package dev.baton.spi.file;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * Why a file operation failed, in the words of the system's own messages ("permission denied") and without
 * the path or the exception's class, which a message for a user must not carry.
 */
public final class FileFailure {
    private FileFailure() {
    }

    /** The reason, when {@code e} is a file system failure that names one. */
    public static Optional<String> reason(IOException e) {
        return switch (e) {
            case NoSuchFileException f -> Optional.of("no such file or directory");
            case AccessDeniedException f -> Optional.of("permission denied");
            case FileAlreadyExistsException f -> Optional.of("already exists");
            case DirectoryNotEmptyException f -> Optional.of("directory not empty");
            case NotDirectoryException f -> Optional.of("not a directory");
            case FileSystemException f when f.getReason() != null -> Optional.of(f.getReason());
            default -> Optional.empty();
        };
    }
}
