package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.spi.driver.StepOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageEmulationTest {
    private static HostDriver driver;

    @TempDir
    Path work;

    @BeforeAll
    static void createDriver() {
        driver = NamespaceDrivers.create();
    }

    @AfterAll
    static void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "argoproj/argosay:v2, ARGOSAY",
            "docker.io/argoproj/argosay:v2, ARGOSAY",
            "quay.io/argoproj/argosay@sha256:abc, ARGOSAY",
            "argoproj/argosay:v1, COWSAY_IMAGE",
            "docker/whalesay:latest, COWSAY_IMAGE",
            "docker/whalesay, COWSAY_IMAGE",
            "myargoproj/argosay:v2, NONE",
            "alpine:3.20, NONE"})
    void recognisesImages(String image, ImageEmulation expected) {
        assertThat(ImageEmulation.of(image)).isEqualTo(expected);
    }

    private StepOutcome.Exited argosay(Path area, String... args) throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(area).image("argoproj/argosay:v2").args(args).output("file", "/tmp/said/it.txt")
                .build(), listener);
        return listener.exited();
    }

    @Test
    void argosayWithoutArgumentsSaysHelloArgo() throws Exception {
        assertThat(argosay(work).stdout()).hasContent("hello argo");
        assertThat(argosay(work, "echo").stdout()).hasContent("hello argo");
    }

    @Test
    void argosayEchoesToStdoutOrAFile() throws Exception {
        assertThat(argosay(work, "echo", "hi there").stdout()).hasContent("hi there");
        StepOutcome.Exited toFile = argosay(work, "echo", "saved", "/tmp/said/it.txt");
        assertThat(toFile.collected().get("file")).hasContent("saved");
    }

    @Test
    void argosayExitsAndAsserts() throws Exception {
        assertThat(argosay(work, "exit").exitCode()).isZero();
        assertThat(argosay(work, "exit", "3").exitCode()).isEqualTo(3);
        assertThat(argosay(work, "exit 1").exitCode()).isEqualTo(1);
        assertThat(argosay(work, "unknown").exitCode()).isEqualTo(1);
        assertThat(argosay(work, "assert_equals", "a", "a").exitCode()).isZero();
        assertThat(argosay(work, "assert_equals", "a", "b").exitCode()).isEqualTo(1);
        assertThat(argosay(work, "cat", "/etc/hostname").stdout()).hasSameTextualContentAs(Path.of("/etc/hostname"));
        assertThat(argosay(work, "assert_contains", "/etc/passwd", "root:").exitCode()).isZero();
        assertThat(argosay(work, "assert_contains", "/etc/passwd", "no-such-user-xyz").exitCode()).isEqualTo(1);
    }

    @Test
    void argosaySleepsGoDurations() throws Exception {
        long begin = System.nanoTime();
        assertThat(argosay(work, "sleep", "1s200ms").exitCode()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void explicitArgosayCommandIsEmulatedToo() throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(work).image("argoproj/argosay:v2").command("/argosay").args("echo", "x").build(),
                listener);
        assertThat(listener.exited().stdout()).hasContent("x");
    }

    @Test
    void argosayRunsAScriptWithSh() throws Exception {
        Path script = Files.writeString(work.resolve("s.sh"), "[[ 1 == 1 ]] && echo from-sh\n");
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(work).image("argoproj/argosay:v2").input(script, "/in/s.sh", null)
                .args("sh", "/in/s.sh").build(), listener);
        assertThat(listener.exited().stdout()).hasContent("from-sh");
    }

    @Test
    void cowsayPrintsTheMessageInABubble() throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(work).image("docker/whalesay").command("cowsay").args("hello world").build(),
                listener);
        String said = Files.readString(listener.exited().stdout());

        assertThat(said).contains("< hello world >", " _____________", "(oo)");
    }

    @Test
    void argosayV1DefaultsToCowsay() throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.start(Launches.in(work).image("argoproj/argosay:v1").build(), listener);
        assertThat(listener.exited().stdout()).content().contains("(oo)");
    }
}
