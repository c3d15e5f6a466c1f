package dev.baton.artifact.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The object-key layout, which must match the filesystem store's directory layout. */
class BlobKeysTest {
    private static final String HELLO = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @Test
    void aBlobLivesUnderItsFanOutDirectoryBelowThePrefix() {
        assertThat(new BlobKeys("team/a").keyOf(HELLO))
                .isEqualTo("team/a/sha256/58/91b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(new BlobKeys("").keyOf(HELLO)).startsWith("sha256/58/");
    }

    @Test
    void keysMapBackToDigestsAndForeignObjectsAreIgnored() {
        BlobKeys keys = new BlobKeys("p");

        assertThat(keys.digestOf(keys.keyOf(HELLO))).contains(HELLO);
        assertThat(keys.digestOf("p/sha256/README")).isEmpty();
        assertThat(keys.digestOf("p/sha256/58/91b5")).isEmpty();
        assertThat(keys.digestOf("other/sha256/58/91b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"))
                .isEmpty();
    }

    @Test
    void malformedDigestsAreRejected() {
        assertThatThrownBy(() -> new BlobKeys("p").keyOf("sha256:../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lower-case hex digits");
    }
}
