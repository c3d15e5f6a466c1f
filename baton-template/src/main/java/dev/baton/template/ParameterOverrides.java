package dev.baton.template;

import dev.baton.model.spec.Arguments;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.Manifest;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;
import dev.baton.template.yaml.RecordTrees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies {@code -p NAME=VALUE} values to a workflow's arguments: replaces the value of a parameter, or adds it. */
final class ParameterOverrides {
    private ParameterOverrides() {
    }

    static Manifest apply(Manifest manifest, Map<String, String> values) {
        if (values.isEmpty()) {
            return manifest;
        }
        return switch (manifest) {
            case Workflow w when w.spec() != null ->
                    new Workflow(w.apiVersion(), w.kind(), w.metadata(), withArguments(w.spec(), values), w.status());
            case CronWorkflow c when c.spec() != null && c.spec().workflowSpec() != null -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> tree = (Map<String, Object>) RecordTrees.toTree(c);
                @SuppressWarnings("unchecked")
                Map<String, Object> spec = (Map<String, Object>) tree.get("spec");
                spec.put("workflowSpec", RecordTrees.toTree(withArguments(c.spec().workflowSpec(), values)));
                yield RecordTrees.fromTree(tree, CronWorkflow.class);
            }
            default -> manifest;
        };
    }

    private static WorkflowSpec withArguments(WorkflowSpec spec, Map<String, String> values) {
        Arguments arguments = spec.arguments() == null ? Arguments.NONE : spec.arguments();
        Map<String, String> remaining = new LinkedHashMap<>(values);
        List<ParameterSpec> parameters = new ArrayList<>();
        for (ParameterSpec parameter : arguments.parametersOrEmpty()) {
            String value = parameter == null ? null : remaining.remove(parameter.name());
            parameters.add(value == null ? parameter : parameter.withValue(value));
        }
        remaining.forEach((name, value) -> parameters.add(ParameterSpec.of(name, value)));
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) RecordTrees.toTree(spec);
        tree.put("arguments", RecordTrees.toTree(new Arguments(parameters, arguments.artifacts())));
        return RecordTrees.fromTree(tree, WorkflowSpec.class);
    }
}
