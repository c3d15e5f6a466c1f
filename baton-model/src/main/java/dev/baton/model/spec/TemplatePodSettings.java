package dev.baton.model.spec;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes pod settings of one template; kept for round trips, ignored by non-pod drivers.
 */
public record TemplatePodSettings(
        Map<String, String> nodeSelector,
        Object affinity,
        Object metadata,
        List<Object> volumes,
        List<Object> initContainers,
        List<Object> sidecars,
        List<Object> tolerations,
        String schedulerName,
        String priorityClassName,
        Integer priority,
        String serviceAccountName,
        Boolean automountServiceAccountToken,
        Object executor,
        List<Object> hostAliases,
        Object securityContext,
        String podSpecPatch,
        String pendingTimeout) {

    public List<String> presentFields() {
        return PresentFields.of(this);
    }
}
