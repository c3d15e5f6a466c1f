package dev.baton.engine.runtime.artifact.repository;

import dev.baton.spi.artifact.RepositoryObjects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A local directory laid out like an Argo repository: the object at key {@code a/b/c.tgz} is the file {@code root/a/b/c.tgz}. */
public final class FilesystemObjects implements RepositoryObjects {
    private static final String STAGING = ".staging";
    private final Path root;

    public FilesystemObjects(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = resolve(key);
        Path staging = root.resolve(STAGING);
        Files.createDirectories(staging);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(staging, "object-", ".part");
        Files.delete(temporary);
        try {
            try {
                Files.createLink(temporary, file);
            } catch (FileSystemException | UnsupportedOperationException e) {
                // another file system, or no hard links: a copy costs the bytes once more
                Files.copy(file, temporary);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path directory = resolve(prefix);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).sorted()
                    .forEach(f -> keys.add(prefix + directory.relativize(f).toString().replace('\\', '/')));
        }
        return keys;
    }

    @Override
    public String where(String key) {
        return "filesystem:" + key;
    }

    /** The file for a key, refused when it would leave the root (keys are validated before, this is the last guard). */
    private Path resolve(String key) throws IOException {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root) && !key.isEmpty() || path.startsWith(root.resolve(STAGING))) {
            throw new IOException("artifact key '" + key + "' leaves the repository " + root);
        }
        return path;
    }
}
