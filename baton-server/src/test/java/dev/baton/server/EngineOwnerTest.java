package dev.baton.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EngineOwnerTest {

    @Test
    void thisEngineIsNotGone() {
        assertThat(EngineOwner.gone(EngineOwner.current())).isFalse();
    }

    @Test
    void anEngineWhoseProcessEndedIsGoneAndALiveOneIsNot() throws Exception {
        Process engine = new ProcessBuilder("sleep", "30").start();
        String owner = ownerOf(engine.toHandle());
        try {
            assertThat(EngineOwner.gone(owner)).as("while it runs").isFalse();
        } finally {
            engine.destroyForcibly();
        }
        assertThat(engine.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(EngineOwner.gone(owner)).as("once killed").isTrue();
    }

    @Test
    void aPidNowUsedByAnotherProcessStillMeansTheEngineIsGone() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            String[] parts = ownerOf(other.toHandle()).split("/");
            parts[3] = Long.toString(Long.parseLong(parts[3]) - 60_000);

            assertThat(EngineOwner.gone(String.join("/", parts))).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void anEngineOfAnotherMachineOrNamedInAnotherFormIsNeverProvedGone() {
        String[] parts = EngineOwner.current().split("/");
        parts[0] = parts[0] + "-elsewhere";
        parts[2] = "999999999";

        assertThat(EngineOwner.gone(String.join("/", parts))).isFalse();
        assertThat(EngineOwner.gone("somehost/999999999/abcdef12")).isFalse();
        assertThat(EngineOwner.gone("engine-a")).isFalse();
    }

    /** The owner name {@code process} would have given itself, built from this engine's own name. */
    private static String ownerOf(ProcessHandle process) {
        String[] parts = EngineOwner.current().split("/");
        parts[2] = Long.toString(process.pid());
        parts[3] = Long.toString(process.info().startInstant().orElseThrow().toEpochMilli());
        return String.join("/", parts);
    }
}
