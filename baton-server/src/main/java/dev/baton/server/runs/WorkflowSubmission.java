package dev.baton.server.runs;

import dev.baton.engine.core.RunContext;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.model.spec.ClusterWorkflowTemplate;
import dev.baton.model.spec.ObjectMeta;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;
import dev.baton.model.spec.WorkflowTemplate;
import dev.baton.spi.store.Store;
import dev.baton.template.LoadResult;
import dev.baton.template.LoadedDocument;
import dev.baton.template.Problem;
import dev.baton.template.WorkflowFiles;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a submitted workflow document into a run context: binds and validates it with the templates stored in
 * its namespace (and the cluster templates) as the library {@code workflowTemplateRef} and {@code templateRef}
 * resolve against, and names it ({@code generateName} gets five random characters).
 */
public final class WorkflowSubmission {
    /** The name problems in the request body are reported under. */
    public static final String BODY = "request";
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkflowSubmission() {
    }

    /** What became of a submitted document. */
    public sealed interface Outcome {
    }

    /** The document is a valid workflow, ready to be stored and run. */
    public record Accepted(RunContext context) implements Outcome {
    }

    /** The document is not a valid workflow; every problem found, with its path and line. */
    public record Rejected(List<Problem> problems) implements Outcome {
    }

    /**
     * @param text       the workflow as YAML or JSON
     * @param parameters workflow parameter values that override the document's ({@code resubmit})
     */
    public static Outcome check(Store store, String namespace, String text, Map<String, String> parameters,
                                Instant now) {
        List<WorkflowFiles.Text> texts = new ArrayList<>();
        texts.add(new WorkflowFiles.Text(BODY, text));
        texts.addAll(StoredLibrary.texts(store, namespace, null, null));
        LoadResult loaded = WorkflowFiles.loadTexts(texts, List.of(), parameters);
        List<Problem> problems = loaded.problems().stream().filter(p -> p.file().equals(BODY)).toList();
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        Workflow workflow = null;
        Map<String, WorkflowSpec> namespaced = new HashMap<>();
        Map<String, WorkflowSpec> cluster = new HashMap<>();
        int workflows = 0;
        for (LoadedDocument doc : loaded.documents()) {
            boolean fromBody = doc.file().toString().equals(BODY);
            switch (doc.manifest()) {
                case Workflow w when fromBody -> {
                    workflow = w;
                    workflows++;
                }
                case WorkflowTemplate t when !fromBody -> namespaced.put(t.metadata().name(), t.spec());
                case ClusterWorkflowTemplate t when !fromBody -> cluster.put(t.metadata().name(), t.spec());
                default -> {
                    if (fromBody) {
                        return new Rejected(List.of(new Problem(BODY, "kind", 0, 0, "expected a Workflow, got "
                                + doc.manifest().kind())));
                    }
                }
            }
        }
        if (workflows != 1) {
            return new Rejected(List.of(Problem.inFile(BODY, "expected exactly one Workflow document, got "
                    + workflows)));
        }
        Workflow placed = inNamespace(workflow, namespace);
        return new Accepted(RunContexts.of(placed, TemplateLibrary.of(namespaced, cluster), now, nameSuffix(),
                UUID.randomUUID().toString()));
    }

    /** The namespace of the request path wins over the document's, as in Argo Server. */
    private static Workflow inNamespace(Workflow workflow, String namespace) {
        ObjectMeta m = workflow.metadata() == null ? ObjectMeta.named(null) : workflow.metadata();
        ObjectMeta placed = new ObjectMeta(m.name(), m.generateName(), namespace, m.labels(), m.annotations(),
                m.uid(), m.resourceVersion(), m.generation(), m.creationTimestamp(), m.ownerReferences(),
                m.finalizers(), m.managedFields());
        return new Workflow(workflow.apiVersion(), workflow.kind(), placed, workflow.spec(), workflow.status());
    }

    private static String nameSuffix() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }
}
