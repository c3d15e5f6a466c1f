package dev.baton.spi.artifact;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Objects at keys, the way Argo's artifact repositories hold them ({@code <workflow>/<pod>/<name>.tgz}): a local
 * directory or an S3 bucket. Keys are already validated; an object is visible whole or not at all.
 */
public interface RepositoryObjects extends Closeable {

    /** Places {@code file} at {@code key}, replacing what was there; a hard link where the place allows it. */
    void put(String key, Path file) throws IOException;

    /** The object at {@code key}, streamed, or empty when there is none. */
    Optional<InputStream> open(String key) throws IOException;

    /** The keys of every object under {@code prefix} (which ends with {@code /}), for directory keys. */
    List<String> list(String prefix) throws IOException;

    /** Where {@code key} is, for messages and outputs: {@code s3://bucket/key} or {@code filesystem:key}. */
    String where(String key);

    @Override
    default void close() throws IOException {
    }
}
