package dev.baton.model.run;

/** The kind of a node in Argo's status tree. */
public enum NodeType {
    Pod, Container, Steps, StepGroup, DAG, TaskGroup, Retry, Skipped, Suspend, HTTP, Plugin
}
