package dev.baton.engine.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a memoized node produced and a later node with the same key reuses. */
public record MemoOutputs(Map<String, String> parameters, String result, String exitCode,
                          Map<String, ArtifactRef> artifacts) {
    public MemoOutputs {
        parameters = new LinkedHashMap<>(parameters);
        artifacts = new LinkedHashMap<>(artifacts);
    }

    static MemoOutputs of(NodeState node) {
        return new MemoOutputs(node.outputParameters(), node.result(), node.exitCode(), node.outputArtifacts());
    }

    void copyTo(NodeState node) {
        node.outputParameters().putAll(parameters);
        node.outputArtifacts().putAll(artifacts);
        node.result(result);
        node.exitCode(exitCode);
    }
}
