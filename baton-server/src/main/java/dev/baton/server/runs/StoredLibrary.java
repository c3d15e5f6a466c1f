package dev.baton.server.runs;

import dev.baton.spi.store.Store;
import dev.baton.spi.store.TemplateKind;
import dev.baton.spi.store.TemplateRecord;
import dev.baton.template.WorkflowFiles;

import java.util.ArrayList;
import java.util.List;

/** The templates stored for a namespace (and the cluster templates), as documents for the loader's library. */
public final class StoredLibrary {
    private StoredLibrary() {
    }

    /**
     * @param skipKind the kind of a template to leave out (the one being replaced), or null
     * @param skipName its name
     */
    public static List<WorkflowFiles.Text> texts(Store store, String namespace, TemplateKind skipKind,
                                                 String skipName) {
        List<WorkflowFiles.Text> texts = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            String ns = kind == TemplateKind.CLUSTER_WORKFLOW_TEMPLATE ? "" : namespace;
            for (TemplateRecord t : store.templates().listLatest(kind, ns)) {
                if (kind != skipKind || !t.name().equals(skipName)) {
                    texts.add(new WorkflowFiles.Text(kind.argoKind() + " " + t.name() + " revision " + t.revision(),
                            t.yaml()));
                }
            }
        }
        return texts;
    }
}
