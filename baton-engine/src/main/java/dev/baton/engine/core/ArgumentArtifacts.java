package dev.baton.engine.core;

import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.Inputs;
import dev.baton.model.spec.TemplateSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives a template's input artifacts the locations its caller supplies (a raw text, a URL, an S3 key):
 * {@code arguments.artifacts[].raw} fills {@code inputs.artifacts[]} of the same name.
 */
final class ArgumentArtifacts {
    private ArgumentArtifacts() {
    }

    static TemplateSpec bind(TemplateSpec template, List<ArtifactSpec> arguments) {
        if (arguments == null || arguments.isEmpty() || template.inputs() == null
                || template.inputs().artifacts() == null) {
            return template;
        }
        List<ArtifactSpec> bound = new ArrayList<>();
        boolean changed = false;
        for (ArtifactSpec input : template.inputs().artifacts()) {
            ArtifactSpec argument = arguments.stream().filter(a -> input.name().equals(a.name())).findFirst()
                    .orElse(null);
            if (argument != null && argument.location() != null) {
                bound.add(new ArtifactSpec(input.name(), input.path(), input.mode() != null ? input.mode()
                        : argument.mode(), null, null, input.subPath() != null ? input.subPath() : argument.subPath(),
                        input.optional() != null ? input.optional() : argument.optional(), input.archiveLogs(),
                        input.archive(), input.globalName(), input.recurseMode(), input.deleted(), input.artifactGC(),
                        argument.location()));
                changed = true;
            } else {
                bound.add(input);
            }
        }
        if (!changed) {
            return template;
        }
        Inputs inputs = new Inputs(template.inputs().parameters(), bound);
        return new TemplateSpec(template.name(), inputs, template.outputs(), template.kind(), template.daemon(),
                template.activeDeadlineSeconds(), template.timeout(), template.retryStrategy(), template.parallelism(),
                template.failFast(), template.memoize(), template.synchronization(), template.metrics(),
                template.archiveLocation(), template.annotations(), template.pod());
    }
}
