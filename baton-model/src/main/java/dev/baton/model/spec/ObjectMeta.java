package dev.baton.model.spec;

import java.util.List;
import java.util.Map;

/** Kubernetes object metadata; Baton uses name, generateName, namespace, labels and annotations. */
public record ObjectMeta(
        String name,
        String generateName,
        String namespace,
        Map<String, String> labels,
        Map<String, String> annotations,
        String uid,
        String resourceVersion,
        Long generation,
        String creationTimestamp,
        List<Object> ownerReferences,
        List<String> finalizers,
        List<Object> managedFields) {

    public static ObjectMeta named(String name) {
        return new ObjectMeta(name, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ObjectMeta withName(String newName) {
        return new ObjectMeta(newName, generateName, namespace, labels, annotations, uid, resourceVersion,
                generation, creationTimestamp, ownerReferences, finalizers, managedFields);
    }
}
