package dev.baton.model.spec;

import java.util.List;

/** Prometheus metrics emitted by a workflow or a template. */
public record Metrics(List<Prometheus> prometheus) {
    /** One metric definition. */
    public record Prometheus(String name, List<Object> labels, String help, String when, Object gauge,
                             Object histogram, Object counter) {
    }
}
