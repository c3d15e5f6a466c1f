package dev.baton.model.spec;

import dev.baton.model.binding.Inline;
import dev.baton.model.binding.Variant;
import dev.baton.model.binding.WholeValue;

import java.util.List;
import java.util.Map;

/** What a template does. Exactly one kind per template. */
public sealed interface TemplateKind {

    /** Runs a container's command. */
    @Variant("container")
    record Container(@Inline ContainerSpec container) implements TemplateKind {
    }

    /** Runs a container with {@code source} staged as a file appended to its arguments. */
    @Variant("script")
    record Script(@Inline ContainerSpec container, String source) implements TemplateKind {
    }

    /** Acts on a Kubernetes resource. */
    @Variant("resource")
    record Resource(String action, String mergeStrategy, String manifest, Object manifestFrom,
                    Boolean setOwnerReference, String successCondition, String failureCondition,
                    List<String> flags) implements TemplateKind {
    }

    /** Waits until resumed, or for {@code duration}. */
    @Variant("suspend")
    record Suspend(String duration) implements TemplateKind {
    }

    /** Groups of steps run in order; the steps of a group run in parallel. */
    @Variant("steps")
    @WholeValue
    record Steps(List<List<StepSpec>> groups) implements TemplateKind {
    }

    /** Tasks ordered by their dependencies. */
    @Variant("dag")
    record Dag(String target, List<TaskSpec> tasks, Boolean failFast) implements TemplateKind {
        public boolean failFastOrDefault() {
            return failFast == null || failFast;
        }
    }

    /** An HTTP request whose response body is the result. */
    @Variant("http")
    record Http(String method, String url, List<HttpHeader> headers, Long timeoutSeconds,
                String successCondition, String body, Object bodyFrom, Boolean insecureSkipVerify)
            implements TemplateKind {
        /** A header with a literal value or a secret reference. */
        public record HttpHeader(String name, String value, Object valueFrom) {
        }
    }

    /** Several containers in one unit, ordered by dependencies. */
    @Variant("containerSet")
    record ContainerSet(List<ContainerNode> containers, List<Object> volumeMounts,
                        ContainerSetRetryStrategy retryStrategy) implements TemplateKind {
        /** One container of the set. */
        public record ContainerNode(@Inline ContainerSpec container, List<String> dependencies) {
        }

        /** Retries of the containers inside the set. */
        public record ContainerSetRetryStrategy(String duration, IntOrString retries) {
        }
    }

    /** Lists the keys of an artifact location and transforms them with expressions. */
    @Variant("data")
    record Data(DataSource source, List<Transformation> transformation) implements TemplateKind {
        /** Where the listed data comes from. */
        public record DataSource(ArtifactSpec artifactPaths) {
        }

        /** One transformation step. */
        public record Transformation(String expression) {
        }
    }

    /** Work handed to an executor plugin by name. */
    @Variant("plugin")
    @WholeValue
    record Plugin(Map<String, Object> config) implements TemplateKind {
    }
}
