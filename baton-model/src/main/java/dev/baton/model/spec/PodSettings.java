package dev.baton.model.spec;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes pod settings of a workflow. They are kept so documents round-trip and are reported as
 * ignored by drivers that do not run pods.
 */
public record PodSettings(
        String serviceAccountName,
        Boolean automountServiceAccountToken,
        Object executor,
        List<Object> volumes,
        List<Object> volumeClaimTemplates,
        Map<String, String> nodeSelector,
        Object affinity,
        List<Object> tolerations,
        List<Object> imagePullSecrets,
        Boolean hostNetwork,
        String dnsPolicy,
        Object dnsConfig,
        String schedulerName,
        String podPriorityClassName,
        Integer podPriority,
        List<Object> hostAliases,
        Object securityContext,
        String podSpecPatch,
        Object podDisruptionBudget,
        Object podMetadata,
        Object podGC,
        Object volumeClaimGC) {

    /** The names of the fields that are set, for "ignored" reports. */
    public List<String> presentFields() {
        return PresentFields.of(this);
    }
}
