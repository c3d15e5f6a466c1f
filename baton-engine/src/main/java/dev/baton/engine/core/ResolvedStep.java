package dev.baton.engine.core;

import dev.baton.model.spec.TemplateSpec;

import java.time.Duration;
import java.util.Map;

/**
 * A leaf step ready to run: its template with every tag substituted, the input artifacts to place,
 * and its deadline.
 *
 * @param nodeName       the node's full name
 * @param podName        the Argo-style pod name ({@code <wf>-<template>-<hash>})
 * @param template       the substituted template (container, script or another leaf kind)
 * @param inputArtifacts stored artifacts to place at the template's declared input paths, by input name
 * @param deadline       how long the step may run, or null
 * @param inputParameters the template's input parameter values, by name (a large value is a
 *                       {@link StoredValue} handle)
 */
public record ResolvedStep(String nodeName, String podName, TemplateSpec template,
                           Map<String, ArtifactRef> inputArtifacts, Duration deadline,
                           Map<String, String> inputParameters) {
    public ResolvedStep {
        inputParameters = inputParameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(inputParameters));
    }

    /** A step without input parameter values. */
    public ResolvedStep(String nodeName, String podName, TemplateSpec template,
                        Map<String, ArtifactRef> inputArtifacts, Duration deadline) {
        this(nodeName, podName, template, inputArtifacts, deadline, Map.of());
    }
}
