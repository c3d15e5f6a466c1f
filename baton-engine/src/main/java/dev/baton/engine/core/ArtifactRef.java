package dev.baton.engine.core;

/**
 * A stored artifact as the engine sees it: content-addressed, with how it was archived.
 *
 * @param digest   the content address (e.g. {@code sha256:…}) in the artifact store
 * @param size     bytes stored
 * @param directory whether the artifact is a directory tree
 * @param key      the repository key as Argo would show it ({@code <wf>/<pod>/<name>.tgz})
 */
public record ArtifactRef(String digest, long size, boolean directory, String key) {
}
