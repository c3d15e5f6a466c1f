package dev.baton.engine.runtime.artifact;

import dev.baton.engine.runtime.FailureText;
import dev.baton.engine.runtime.artifact.archive.ArtifactPacker;
import dev.baton.engine.runtime.artifact.archive.ArtifactUnpacker;
import dev.baton.engine.runtime.artifact.archive.PackedArtifact;
import dev.baton.engine.core.ArtifactRef;
import dev.baton.engine.runtime.artifact.repository.RepositoryOpener;
import dev.baton.engine.runtime.artifact.repository.RepositoryTransfers;
import dev.baton.engine.runtime.artifact.repository.RunRepository;
import dev.baton.model.spec.ArtifactLocation;
import dev.baton.spi.artifact.ArtifactStore;
import dev.baton.spi.artifact.BlobRef;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Moves artifacts between steps' files and the artifact store. */
public final class ArtifactFiles {
    private final ArtifactStore store;
    private final RepositoryTransfers repository;
    private final ArtifactPacker packer = new ArtifactPacker();
    private final ArtifactUnpacker unpacker = new ArtifactUnpacker();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** Artifacts without an artifact repository: key-only artifacts fail with a message saying so. */
    public ArtifactFiles(ArtifactStore store) {
        this(store, new RunRepository.NotConfigured(), spec -> {
            throw new java.io.IOException("no artifact repository is configured");
        });
    }

    /** @param repository the run's repository for key-only artifacts and exported outputs */
    public ArtifactFiles(ArtifactStore store, RunRepository repository, RepositoryOpener opener) {
        this.store = store;
        this.repository = new RepositoryTransfers(store, repository, opener);
    }

    public ArtifactStore store() {
        return store;
    }

    /** Reads and writes artifacts at Argo repository keys. */
    public RepositoryTransfers repository() {
        return repository;
    }

    /** Stores a step's output file or directory. */
    public ArtifactRef store(Path source, String key) throws IOException {
        PackedArtifact packed = packer.pack(source, store);
        return new ArtifactRef(packed.blob().digest(), packed.blob().size(), packed.directory(), key);
    }

    /**
     * Returns a path holding the artifact for a step: the store's own read-only file when the artifact is
     * a plain file (so the driver can hard-link it), otherwise a copy or extraction under {@code staged}.
     */
    public Path materialise(ArtifactRef ref, Path staged, Integer mode, String subPath) throws IOException {
        PackedArtifact packed = new PackedArtifact(new BlobRef(ref.digest(), ref.size()), ref.directory());
        if (!ref.directory() && mode == null && (subPath == null || subPath.isEmpty())) {
            return store.localFile(ref.digest());
        }
        unpacker.materialise(packed, store, staged, mode, subPath, false);
        return staged;
    }

    /** Downloads an http artifact; returns why it failed, or null. */
    public String download(ArtifactLocation.Http location, Path target) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(location.url()))
                    .timeout(Duration.ofMinutes(10)).GET();
            if (location.headers() != null) {
                location.headers().forEach(h -> request.header(h.name(), h.value()));
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    return "GET " + location.url() + " answered " + response.statusCode();
                }
                Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "GET " + location.url() + " failed: " + new FailureText(java.util.Map.of()).describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GET " + location.url() + " was interrupted";
        }
    }
}
