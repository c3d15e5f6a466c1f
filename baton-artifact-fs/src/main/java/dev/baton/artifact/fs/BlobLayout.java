package dev.baton.artifact.fs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where blobs ({@code <root>/sha256/<aa>/<rest of hex>}) and temporary files ({@code <root>/tmp}) live. */
final class BlobLayout {
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{2})([0-9a-f]{62})");
    private static final Pattern FAN_OUT = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern REST = Pattern.compile("[0-9a-f]{62}");

    private final Path root;
    private final Path blobs;
    private final Path temp;

    BlobLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.blobs = this.root.resolve("sha256");
        this.temp = this.root.resolve("tmp");
    }

    Path root() {
        return root;
    }

    Path blobsDirectory() {
        return blobs;
    }

    Path tempDirectory() {
        return temp;
    }

    /** The file that holds the blob; rejects anything that is not a {@code sha256:<64 hex>} digest. */
    Path blobFile(String digest) {
        Matcher matcher = digest == null ? null : DIGEST.matcher(digest);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest
                    + " (expected sha256: followed by 64 lower-case hex digits)");
        }
        return blobs.resolve(matcher.group(1)).resolve(matcher.group(2));
    }

    /** The digest a file under the blobs directory stands for, or empty for anything the store did not put there. */
    Optional<String> digestOf(Path fanOutDirectory, Path file) {
        String prefix = fanOutDirectory.getFileName().toString();
        String rest = file.getFileName().toString();
        if (!FAN_OUT.matcher(prefix).matches() || !REST.matcher(rest).matches()) {
            return Optional.empty();
        }
        return Optional.of("sha256:" + prefix + rest);
    }
}
