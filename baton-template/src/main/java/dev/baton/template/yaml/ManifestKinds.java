package dev.baton.template.yaml;

import dev.baton.model.spec.ClusterWorkflowTemplate;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.Manifest;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowTemplate;
import dev.baton.template.DidYouMean;
import dev.baton.template.Problem;

import java.util.List;
import java.util.Map;

/** Binds a document tree to the {@link Manifest} record its {@code kind} names. */
public final class ManifestKinds {
    public static final List<String> KINDS = List.of("Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate",
            "CronWorkflow");

    private ManifestKinds() {
    }

    public static Class<? extends Manifest> typeOf(String kind) {
        return switch (kind) {
            case "Workflow" -> Workflow.class;
            case "WorkflowTemplate" -> WorkflowTemplate.class;
            case "ClusterWorkflowTemplate" -> ClusterWorkflowTemplate.class;
            case "CronWorkflow" -> CronWorkflow.class;
            default -> null;
        };
    }

    public static Bound<Manifest> bind(Object tree) {
        if (!(tree instanceof Map<?, ?> document)) {
            return new Bound<>(null, List.of(Problem.at("",
                    "expected a mapping with apiVersion, kind, metadata and spec, found "
                            + ScalarRules.describe(tree))));
        }
        Object kindNode = document.get("kind");
        if (kindNode == null) {
            return new Bound<>(null, List.of(Problem.at("",
                    "missing kind: expected one of " + String.join(", ", KINDS))));
        }
        Object kindText = ScalarRules.string(kindNode);
        String kind = kindText == ScalarRules.REJECTED ? ScalarRules.describe(kindNode) : (String) kindText;
        Class<? extends Manifest> type = typeOf(kind);
        if (type == null) {
            return new Bound<>(null, List.of(Problem.at("kind", "unknown kind '" + kind + "': expected one of "
                    + String.join(", ", KINDS) + DidYouMean.hint(kind, KINDS).replace(", did", "; did"))));
        }
        Bound<? extends Manifest> bound = RecordBinder.bind(tree, type);
        return new Bound<>(bound.value(), bound.problems());
    }
}
