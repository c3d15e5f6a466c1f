package dev.baton.engine.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's message says what went wrong with the paths the step knows, never where Baton keeps them. */
class FailureTextTest {
    private static final Path AREA = Path.of("/srv/baton-home/work/run-uid/main-0");
    private final FailureText text = FailureText.under(AREA)
            .showing(AREA.resolve("out/parameters/p"), "/tmp/p")
            .showing(AREA.resolve("out/artifacts/data"), "/data");

    @Test
    void aMissingFileIsNamedAsTheStepSeesIt() {
        String message = text.describe(new NoSuchFileException(AREA.resolve("out/parameters/p").toString()));

        assertThat(message).isEqualTo("/tmp/p: no such file or directory").doesNotContain("/srv");
    }

    @Test
    void aPathInsideADeclaredDirectoryKeepsItsPlaceInTheStepsView() {
        String message = text.describe(new AccessDeniedException(AREA.resolve("out/artifacts/data/x/y").toString()));

        assertThat(message).isEqualTo("/data/x/y: permission denied");
    }

    @Test
    void anOtherPathOfTheWorkAreaOrOfTheHostIsNotShown() {
        assertThat(text.describe(new IOException("cannot read " + AREA.resolve("stdout.log") + ": gone")))
                .isEqualTo("cannot read <work area>/stdout.log: gone");
        assertThat(text.describe(new NoSuchFileException("/srv/baton-home/artifacts/ab/cdef")))
                .isEqualTo("'cdef': no such file or directory");
        assertThat(text.describe(new UncheckedIOException(new NoSuchFileException(AREA + "/out/parameters/p"))))
                .isEqualTo("/tmp/p: no such file or directory");
    }

    @Test
    void aNetworkFailureWithoutAMessageIsStillNamedWithoutItsClass() {
        assertThat(text.describe(new java.net.ConnectException())).isEqualTo("cannot connect");
        assertThat(text.describe(new java.net.UnknownHostException("artifacts.example")))
                .isEqualTo("unknown host artifacts.example");
        assertThat(text.describe(new IOException())).isEqualTo("an input/output error");
    }

    @Test
    void aBugIsReportedWithAReferenceNotAClassName() {
        String message = text.describe(new NullPointerException("Cannot invoke \"String.length()\" because x is null"));

        assertThat(message).matches("an internal error occurred \\(reference [0-9a-f]{12} in the log\\)")
                .doesNotContain("String.length").doesNotContain("NullPointer");
    }
}
