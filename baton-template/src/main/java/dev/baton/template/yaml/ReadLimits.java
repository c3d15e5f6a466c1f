package dev.baton.template.yaml;

/**
 * Hard limits that keep a hostile or broken document from exhausting memory or the stack:
 * document size, nesting depth, aliases to collections, and nodes after alias expansion.
 */
public record ReadLimits(long maxBytes, int maxDepth, int maxAliases, int maxNodes) {
    public static final ReadLimits DEFAULT = new ReadLimits(16L * 1024 * 1024, 100, 50, 1_000_000);

    public String maxBytesText() {
        long mib = maxBytes / (1024 * 1024);
        return mib * 1024 * 1024 == maxBytes ? mib + " MiB" : maxBytes + " bytes";
    }
}
