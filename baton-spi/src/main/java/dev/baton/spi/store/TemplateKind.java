package dev.baton.spi.store;

/** The two kinds of stored templates, named as Argo's {@code kind} field names them. */
public enum TemplateKind {
    WORKFLOW_TEMPLATE("WorkflowTemplate"),
    CLUSTER_WORKFLOW_TEMPLATE("ClusterWorkflowTemplate");

    private final String argoKind;

    TemplateKind(String argoKind) {
        this.argoKind = argoKind;
    }

    /** The name Argo uses, as stored. */
    public String argoKind() {
        return argoKind;
    }

    public static TemplateKind fromArgoKind(String kind) {
        for (TemplateKind k : values()) {
            if (k.argoKind.equals(kind)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown template kind '" + kind + "'");
    }
}
