package dev.baton.driver.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One entry of the host's {@code /} as a step's private root reproduces it. */
record HostRootEntry(String name, Kind kind, String linkTarget) {

    enum Kind { DIRECTORY, FILE, SYMLINK }

    static List<HostRootEntry> list() {
        try (Stream<Path> entries = Files.list(Path.of("/"))) {
            return entries.map(HostRootEntry::of).sorted((a, b) -> a.name.compareTo(b.name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the host's root directory", e);
        }
    }

    private static HostRootEntry of(Path path) {
        String name = path.getFileName().toString();
        try {
            if (Files.isSymbolicLink(path)) {
                return new HostRootEntry(name, Kind.SYMLINK, Files.readSymbolicLink(path).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HostRootEntry(name,
                Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? Kind.DIRECTORY : Kind.FILE, null);
    }
}
