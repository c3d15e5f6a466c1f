package dev.baton.engine.runtime.artifact.repository;

import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.runtime.FailureText;
import dev.baton.engine.runtime.artifact.archive.ArchiveFormat;
import dev.baton.engine.runtime.artifact.archive.ArgoArchives;
import dev.baton.engine.runtime.artifact.archive.PackedArtifact;
import dev.baton.model.spec.ArtifactLocation;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;
import dev.baton.spi.artifact.RepositoryObjects;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies artifacts between Baton's store and an Argo-style repository: outputs written at their keys in the
 * declared archive format, inputs read from keys (a key ending with {@code /} is a directory, archives unpacked).
 */
public final class RepositoryTransfers {
    private final ArtifactStore store;
    private final RunRepository repository;
    private final RepositoryOpener opener;
    private final ArgoArchives archives = new ArgoArchives();

    public RepositoryTransfers(ArtifactStore store, RunRepository repository, RepositoryOpener opener) {
        this.store = store;
        this.repository = repository;
        this.opener = opener;
    }

    /** Why the run cannot use its repository (a missing {@code artifactRepositoryRef}), or null. */
    public String unavailable() {
        return repository instanceof RunRepository.Missing missing ? missing.message() : null;
    }

    /** What reading an input from a repository did. */
    public sealed interface Fetched {
        /** The artifact is at the staged path. */
        record Placed() implements Fetched {
        }

        /** An optional artifact whose key holds nothing. */
        record Skipped() implements Fetched {
        }

        /** Why the node cannot start. */
        record Failed(String message) implements Fetched {
        }
    }

    /** Reads an input artifact with an {@code s3} location into {@code staged}, streaming. */
    public Fetched fetch(ArtifactSpec input, ArtifactLocation.S3 location, Path staged) {
        String name = "input artifact '" + input.name() + "'";
        String key = location.key();
        String problem = RepositoryKeys.problem(key);
        if (problem != null) {
            return new Fetched.Failed(name + ": " + problem);
        }
        RepositorySpec spec;
        try {
            spec = target(location);
        } catch (IllegalArgumentException e) {
            return new Fetched.Failed(name + ": " + e.getMessage());
        }
        try (RepositoryObjects objects = opener.open(spec)) {
            // as Argo's S3 driver, a key with no object but objects under "<key>/" is a directory
            boolean found = RepositoryKeys.isDirectory(key) ? fetchDirectory(objects, key, staged)
                    : fetchObject(objects, key, staged, input.archive() != null && input.archive().isNone())
                    || fetchDirectory(objects, key + "/", staged);
            if (found) {
                return new Fetched.Placed();
            }
            return input.isOptional() ? new Fetched.Skipped()
                    : new Fetched.Failed(name + ": no artifact at key '" + key + "' (" + objects.where(key) + ")");
        } catch (IOException | RuntimeException e) {
            return new Fetched.Failed(name + ": cannot read key '" + key + "': " + describe(e));
        }
    }

    private boolean fetchObject(RepositoryObjects objects, String key, Path staged, boolean raw) throws IOException {
        Optional<InputStream> found = objects.open(key);
        if (found.isEmpty()) {
            return false;
        }
        try (InputStream in = found.get()) {
            // Argo unpacks what it finds to be an archive, whatever the key's name
            archives.importArchive(in, raw ? ArchiveFormat.NONE : ArchiveFormat.TGZ, staged);
        }
        return true;
    }

    private boolean fetchDirectory(RepositoryObjects objects, String prefix, Path staged) throws IOException {
        List<String> keys = objects.list(prefix);
        if (keys.isEmpty()) {
            return false;
        }
        Files.createDirectories(staged);
        for (String key : keys) {
            String relative = key.substring(prefix.length());
            String problem = RepositoryKeys.problem(relative);
            if (problem != null) {
                throw new IOException("object under the directory key: " + problem);
            }
            Path file = staged.resolve(relative).normalize();
            if (!file.startsWith(staged)) {
                throw new IOException("object '" + key + "' would land outside the input");
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = objects.open(key).orElseThrow(() -> new IOException("object '" + key
                    + "' vanished while the directory was read"))) {
                Files.copy(in, file);
            }
        }
        return true;
    }

    /**
     * Writes an output to the repository when it has an {@code s3} location, or when the run's repository takes
     * every output; returns where it went ({@code s3://bucket/key}, {@code filesystem:key}), or null.
     *
     * @param source    the step's output file or directory, still in place
     * @param variables what a {@code keyFormat} may use ({@code workflow.name}, {@code pod.name}, …)
     * @param staging   a private directory for the archive being written
     * @throws IOException with a message naming the artifact and key, when it cannot be written
     */
    public String export(ArtifactSpec output, ArtifactRef ref, Path source, Map<String, String> variables,
            Path staging) throws IOException {
        ArtifactLocation.S3 location = output.location() instanceof ArtifactLocation.S3 s3 ? s3 : null;
        boolean exportAll = repository instanceof RunRepository.Ready ready && ready.exportAll();
        if (location == null && !exportAll) {
            return null;
        }
        String name = "output artifact '" + output.name() + "'";
        RepositorySpec spec;
        String key;
        ArchiveFormat format = format(output.archive());
        try {
            spec = location == null ? ((RunRepository.Ready) repository).spec() : target(location);
            key = location != null && location.key() != null && !location.key().isBlank() ? location.key()
                    : RepositoryKeys.outputKey(RepositoryKeys.render(spec.keyFormat(), variables), output.name(),
                    format.keySuffix());
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        String problem = RepositoryKeys.problem(key);
        if (problem != null) {
            throw new IOException(name + ": " + problem);
        }
        try (RepositoryObjects objects = opener.open(spec)) {
            if (format == ArchiveFormat.NONE && ref.directory()) {
                putDirectory(objects, key.endsWith("/") ? key : key + "/", source);
            } else if (format == ArchiveFormat.NONE) {
                objects.put(key, store.localFile(ref.digest()));
            } else {
                Files.createDirectories(staging);
                Path archive = Files.createTempFile(staging, "export-", format.keySuffix());
                try {
                    try (OutputStream out = Files.newOutputStream(archive)) {
                        archives.export(new PackedArtifact(new BlobRef(ref.digest(), ref.size()), ref.directory()),
                                store, baseName(output), format, out);
                    }
                    objects.put(key, archive);
                } finally {
                    Files.deleteIfExists(archive);
                }
            }
            return objects.where(key);
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": cannot write key '" + key + "': " + describe(e), e);
        }
    }

    /** {@code archive: none} of a directory: each file at {@code prefix + its relative path}, as Argo does on S3. */
    private static void putDirectory(RepositoryObjects objects, String prefix, Path directory) throws IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted()
                    .toList();
        }
        for (Path file : files) {
            objects.put(prefix + directory.relativize(file).toString().replace('\\', '/'), file);
        }
    }

    /** The repository an {@code s3} location means: the run's for a key alone, else the bucket it names. */
    private RepositorySpec target(ArtifactLocation.S3 location) {
        if (location.bucket() == null || location.bucket().isBlank()) {
            return switch (repository) {
                case RunRepository.Ready ready -> ready.spec();
                case RunRepository.Missing missing -> throw new IllegalArgumentException(missing.message());
                case RunRepository.NotConfigured none ->
                        throw new IllegalArgumentException("no artifact repository is configured");
            };
        }
        return new RepositorySpec.S3(location.bucket(), location.endpoint(), location.region(),
                Boolean.TRUE.equals(location.insecure()), location.keyFormat(),
                SecretRef.from(location.accessKeySecret(), "s3.accessKeySecret"),
                SecretRef.from(location.secretKeySecret(), "s3.secretKeySecret"));
    }

    private static ArchiveFormat format(ArtifactSpec.ArchiveStrategy archive) {
        if (archive == null) {
            return ArchiveFormat.TGZ;
        }
        return archive.isNone() ? ArchiveFormat.NONE : archive.isZip() ? ArchiveFormat.ZIP : ArchiveFormat.TGZ;
    }

    private static String baseName(ArtifactSpec output) {
        Path file = Path.of(output.path()).getFileName();
        return file == null ? output.name() : file.toString();
    }

    /** The failure without class names or paths of this machine it does not know to be the user's. */
    private static String describe(Exception e) {
        return new FailureText(java.util.Map.of()).describe(e);
    }
}
