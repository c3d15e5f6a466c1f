package dev.baton.engine.runtime.value;

import dev.baton.engine.core.StoredValue;
import dev.baton.spi.artifact.ArtifactStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a text that may hold {@link StoredValue} handles to a file, each handle replaced by its value
 * streamed from the artifact store, so a value of any size reaches a step without being held in memory.
 */
public final class ExpandedText {
    private final ArtifactStore store;

    public ExpandedText(ArtifactStore store) {
        this.store = store;
    }

    /** Writes {@code text} to {@code target} with every stored value in place. */
    public void write(String text, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            for (StoredValue.Piece piece : StoredValue.split(text)) {
                switch (piece) {
                    case StoredValue.Piece.Literal literal ->
                            out.write(literal.text().getBytes(StandardCharsets.UTF_8));
                    case StoredValue.Piece.Stored stored -> {
                        try (InputStream in = store.open(stored.value().digest())) {
                            in.transferTo(out);
                        }
                    }
                }
            }
        }
    }
}
