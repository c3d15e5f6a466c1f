package dev.baton.engine.runtime.artifact.archive;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** A scratch directory beside a target, so a result appears at the target whole or not at all. */
final class Staging implements AutoCloseable {
    private final Path directory;

    private Staging(Path directory) {
        this.directory = directory;
    }

    /** Fails early if {@code target} exists (an empty directory is allowed and will be replaced). */
    static Staging beside(Path target) throws IOException {
        refuseExisting(target);
        Path parent = Files.createDirectories(target.toAbsolutePath().normalize().getParent());
        return new Staging(Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-"));
    }

    Path directory() {
        return directory;
    }

    /** Moves {@code result} (inside the staging directory) to {@code target} in one rename. */
    void publish(Path result, Path target) throws IOException {
        refuseExisting(target);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.delete(target);
            } catch (DirectoryNotEmptyException e) {
                throw new FileAlreadyExistsException(target.toString(), null, "something was written there meanwhile");
            }
        }
        Files.move(result, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static void refuseExisting(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isEmpty()) {
                    return;
                }
            }
        }
        throw new FileAlreadyExistsException(target.toString(), null,
                "cannot place an artifact there: it already exists (only an empty directory may be replaced)");
    }

    /** Deletes whatever is left, never following links, making read-only directories writable first. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                PosixModes.apply(dir, 0700);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
