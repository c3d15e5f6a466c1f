package dev.baton.engine.runtime.value;

import dev.baton.artifact.fs.FilesystemArtifactStore;
import dev.baton.engine.core.StoredValue;
import dev.baton.spi.artifact.BlobRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Texts holding stored values are written out with the values in place; command lines are checked against Linux's limits. */
class ExpandedTextTest {
    @TempDir
    Path temp;
    private FilesystemArtifactStore store;

    @BeforeEach
    void open() throws IOException {
        store = new FilesystemArtifactStore(temp.resolve("store"));
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void aScriptSourceGetsEachStoredValueInPlace() throws IOException {
        String big = "x".repeat(300_000);
        String handle = stored(big);
        Path target = temp.resolve("work/script");

        new ExpandedText(store).write("data = '''" + handle + "'''\nprint(len(data), '" + handle + "')\n", target);

        assertThat(Files.readString(target)).isEqualTo("data = '''" + big + "'''\nprint(len(data), '" + big + "')\n");
    }

    @Test
    void textWithoutHandlesIsWrittenAsItIs() throws IOException {
        Path target = temp.resolve("plain");
        new ExpandedText(store).write("héllo \u0001baton-value:not-a-handle\u0001", target);
        assertThat(Files.readString(target)).isEqualTo("héllo \u0001baton-value:not-a-handle\u0001");
    }

    @Test
    void anArgumentHoldingALargeValueIsRefusedNamingTheParameterAndWhatWorks() throws IOException {
        String handle = stored("y".repeat(200_000));

        String problem = CommandLineLimits.check("consume", List.of("sh", "-c"), List.of("echo " + handle),
                Map.of(), Map.of("small", "1", "data", handle));

        assertThat(problem).isEqualTo("template 'consume': args[0] is 200005 bytes (it holds input parameter 'data'),"
                + " more than Linux accepts for one argument or environment variable (MAX_ARG_STRLEN, 128 KiB);"
                + " read large values from the file $BATON_INPUT_PARAMETERS/<name>, or substitute them into a"
                + " script source");
    }

    @Test
    void anEnvironmentVariableAndATotalOverArgMaxAreRefused() {
        String big = "z".repeat(131_072);
        assertThat(CommandLineLimits.check("t", List.of("sh"), List.of(), Map.of("DATA", big), Map.of()))
                .startsWith("template 't': env DATA is 131077 bytes, more than Linux accepts");
        List<String> args = java.util.Collections.nCopies(20, "w".repeat(120_000));
        assertThat(CommandLineLimits.check("t", List.of("sh"), args, Map.of(), Map.of()))
                .startsWith("template 't': its command, args and env add up to 2400023 bytes, more than Linux"
                        + " accepts for starting a program (ARG_MAX, about 2 MiB)");
        assertThat(CommandLineLimits.check("t", List.of("sh"), List.of("w".repeat(131_071)), Map.of(), Map.of()))
                .isNull();
    }

    private String stored(String value) throws IOException {
        BlobRef blob = store.put(new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8)));
        return new StoredValue(blob.digest(), blob.size()).handle();
    }
}
