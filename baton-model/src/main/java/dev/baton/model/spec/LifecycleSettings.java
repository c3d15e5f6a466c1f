package dev.baton.model.spec;

import java.util.List;

/** Clean-up settings of a workflow (time to live, artifact garbage collection). */
public record LifecycleSettings(Object ttlStrategy, Object artifactGC, List<Object> executorPlugins) {
}
