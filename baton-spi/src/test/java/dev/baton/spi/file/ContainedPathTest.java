package dev.baton.spi.file;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contained path join attacked: every name that could leave the base is refused; what is beside it survives. */
class ContainedPathTest {
    @TempDir
    Path temp;
    Path base;
    Path sentinel;

    @BeforeEach
    void layOut() throws IOException {
        base = Files.createDirectories(temp.resolve("home/work"));
        sentinel = Files.createDirectories(temp.resolve("home/victim"));
        Files.writeString(sentinel.resolve("keep.txt"), "keep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "", "../victim", "../../x", "a/b", "/etc", "a\\b", "a\u0000b", "a\nb",
            "tab\there"})
    void aSegmentThatIsNotOnePlainNameIsRefused(String hostile) {
        assertThatThrownBy(() -> ContainedPath.resolve(base, "ns", hostile))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageStartingWith("refused path")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u0000"));
        assertThat(sentinel.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void aNameLongerThanAFileSystemTakesIsRefusedWithAShortMessage() {
        assertThatThrownBy(() -> ContainedPath.resolve(base, "x".repeat(10_000)))
                .isInstanceOf(UnsafePathException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    }

    @Test
    void aNullSegmentIsRefused() {
        assertThatThrownBy(() -> ContainedPath.resolve(base, (String) null)).isInstanceOf(UnsafePathException.class);
    }

    @Test
    void plainNamesAreJoinedUnderTheBase() throws IOException {
        Path path = ContainedPath.resolve(base, "team-a", "0b9c-uid", "node-1-0");

        assertThat(path).isEqualTo(base.toAbsolutePath().resolve("team-a/0b9c-uid/node-1-0"));
        assertThat(ContainedPath.resolve(base, "..hidden", "a.b"))
                .isEqualTo(base.toAbsolutePath().resolve("..hidden/a.b"));
    }

    @Test
    void aSymbolicLinkOnTheWayIsNotFollowed() throws IOException {
        Files.createSymbolicLink(base.resolve("ns"), sentinel);

        assertThatThrownBy(() -> ContainedPath.resolve(base, "ns", "keep.txt"))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void theBaseItselfMayBeALink() throws IOException {
        Path linked = Files.createSymbolicLink(temp.resolve("linked-home"), base);

        assertThat(ContainedPath.resolve(linked, "ns", "uid")).isEqualTo(linked.toAbsolutePath().resolve("ns/uid"));
    }

    @Test
    void aLinkInsideTheBaseLeavesItOnlyWhenItPointsOutside() throws IOException {
        Path inside = Files.writeString(Files.createDirectories(base.resolve("ns")).resolve("data"), "x");
        Path toSecret = Files.createSymbolicLink(base.resolve("ns/out"), sentinel.resolve("keep.txt"));
        Path toSibling = Files.createSymbolicLink(base.resolve("ns/own"), Path.of("data"));
        Path dangling = Files.createSymbolicLink(base.resolve("ns/gone"), base.resolve("nothing"));

        assertThat(ContainedPath.linksLeave(base, toSecret)).isTrue();
        assertThat(ContainedPath.linksLeave(base, toSibling)).isFalse();
        assertThat(ContainedPath.linksLeave(base, inside)).isFalse();
        assertThat(ContainedPath.linksLeave(base, dangling)).isFalse();
        assertThat(ContainedPath.linksLeave(base, sentinel.resolve("keep.txt"))).as("not inside: not judged").isFalse();
    }
}
