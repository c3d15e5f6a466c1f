package dev.baton.engine.runtime.value;

import dev.baton.artifact.fs.FilesystemArtifactStore;
import dev.baton.engine.core.StoredValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values a step wrote stay inline up to the threshold, go to the artifact store above it, and are refused past the maximum. */
class CollectedValuesTest {
    private static final int THRESHOLD = 1000;

    @TempDir
    Path temp;
    private FilesystemArtifactStore store;
    private CollectedValues values;

    @BeforeEach
    void open() throws IOException {
        store = new FilesystemArtifactStore(temp.resolve("store"));
        values = new CollectedValues(store, new ValueLimits(THRESHOLD, 5000));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void aValueUpToTheThresholdIsKeptAsText() throws IOException {
        assertThat(text(file("below", "a".repeat(THRESHOLD - 1)))).isEqualTo("a".repeat(THRESHOLD - 1));
        assertThat(text(file("at", "b".repeat(THRESHOLD)))).isEqualTo("b".repeat(THRESHOLD));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersInsteadOfFailingTheStep() throws IOException {
        Path file = temp.resolve("latin1");
        Files.write(file, new byte[]{'c', 'a', 'f', (byte) 0xe9, '\n'});

        assertThat(text(file)).isEqualTo("caf\uFFFD\n");
    }

    @Test
    void aValueOneByteOverTheThresholdIsStoredAndCarriedAsAHandle() throws IOException {
        String value = "c".repeat(THRESHOLD + 1);
        String text = text(file("above", value));

        StoredValue stored = StoredValue.of(text);
        assertThat(stored).isNotNull();
        assertThat(stored.size()).isEqualTo(THRESHOLD + 1);
        assertThat(text.length()).isLessThan(120);
        assertThat(blob(stored)).isEqualTo(value);
    }

    @Test
    void aStoredValueLosesOneTrailingNewlineLikeAnInlineOne() throws IOException {
        String value = "d".repeat(THRESHOLD + 10);
        StoredValue stored = StoredValue.of(text(file("newline", value + "\n\n")));

        assertThat(stored.size()).isEqualTo(THRESHOLD + 11);
        assertThat(blob(stored)).isEqualTo(value + "\n");
    }

    @Test
    void aValueThatFitsOnceItsNewlineIsTrimmedStaysInline() throws IOException {
        String value = "e".repeat(THRESHOLD);
        assertThat(text(file("fits", value + "\n"))).isEqualTo(value + "\n");
    }

    @Test
    void aValueOverTheMaximumIsRefusedWithTheLimitNamed() throws IOException {
        CollectedValues.Collected collected = values.read(file("huge", "f".repeat(5001)), "output parameter 'big'");

        assertThat(collected).isInstanceOf(CollectedValues.Collected.TooLarge.class);
        assertThat(((CollectedValues.Collected.TooLarge) collected).message())
                .isEqualTo("output parameter 'big' is 5001 bytes, larger than the maximum of 5000 bytes for one value"
                        + " (BATON_VALUE_MAX); pass data this large as an output artifact instead");
    }

    @Test
    void theSameBytesAreStoredOnce() throws IOException {
        String a = text(file("one", "g".repeat(THRESHOLD * 2)));
        String b = text(file("two", "g".repeat(THRESHOLD * 2)));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void limitsAreReadFromTheEnvironmentWithUnits() {
        assertThat(ValueLimits.from(Map.of())).isEqualTo(new ValueLimits(256 * 1024, 256L * 1024 * 1024));
        assertThat(ValueLimits.from(Map.of("BATON_VALUE_INLINE_MAX", "64Ki", "BATON_VALUE_MAX", "1Gi")))
                .isEqualTo(new ValueLimits(64 * 1024, 1024L * 1024 * 1024));
        assertThat(ValueLimits.from(Map.of("BATON_VALUE_INLINE_MAX", "4096")).inlineMax()).isEqualTo(4096);
        assertThatThrownBy(() -> ValueLimits.from(Map.of("BATON_VALUE_MAX", "lots")))
                .hasMessage("BATON_VALUE_MAX=lots: not a size in bytes (write e.g. 262144, 256Ki, 64Mi or 1Gi)");
    }

    private String text(Path file) throws IOException {
        CollectedValues.Collected collected = values.read(file, "the result");
        assertThat(collected).isInstanceOf(CollectedValues.Collected.Value.class);
        return ((CollectedValues.Collected.Value) collected).text();
    }

    private String blob(StoredValue stored) throws IOException {
        try (InputStream in = store.open(stored.digest())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }
}
