package dev.baton.engine.runtime.artifact.repository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesystemObjectsTest {
    @TempDir
    Path dir;

    @Test
    void putHardLinksListsAndOpens() throws Exception {
        Path source = Files.writeString(dir.resolve("source"), "content");
        FilesystemObjects objects = new FilesystemObjects(dir.resolve("repo"));
        objects.put("wf/pod/out", source);
        objects.put("wf/pod/sub/other", source);
        Path stored = dir.resolve("repo/wf/pod/out");
        assertThat(Files.isSameFile(stored, source)).isTrue();
        assertThat(objects.list("wf/pod/")).containsExactly("wf/pod/out", "wf/pod/sub/other");
        try (InputStream in = objects.open("wf/pod/out").orElseThrow()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("content");
        }
        assertThat(objects.open("wf/pod/absent")).isEmpty();
        assertThat(objects.list("nothing/")).isEmpty();
        assertThat(objects.where("wf/pod/out")).isEqualTo("filesystem:wf/pod/out");
    }

    @Test
    void keysLeavingTheRootAreRefused() throws Exception {
        Path source = Files.writeString(dir.resolve("source"), "content");
        FilesystemObjects objects = new FilesystemObjects(dir.resolve("repo"));
        assertThatThrownBy(() -> objects.put("../escaped", source)).hasMessageContaining("leaves the repository");
        assertThatThrownBy(() -> objects.open("a/../../escaped")).hasMessageContaining("leaves the repository");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }
}
