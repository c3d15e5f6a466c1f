package dev.baton.engine.core;

import java.nio.charset.StandardCharsets;

/** Forms node ids as Argo does: the run name, a dash, and the 32-bit FNV-1a hash of the node name. */
final class NodeIds {
    private NodeIds() {
    }

    static String of(String runName, String nodeName) {
        if (runName.equals(nodeName)) {
            return runName;
        }
        return runName + "-" + Integer.toUnsignedString(fnv1a(nodeName));
    }

    static int fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x01000193;
        }
        return hash;
    }
}
