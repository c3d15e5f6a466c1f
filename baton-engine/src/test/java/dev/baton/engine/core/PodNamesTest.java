package dev.baton.engine.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pod names as Argo's v2 naming gives them: what {{pod.name}} and artifact repository keys are made of. */
class PodNamesTest {

    @Test
    void aWorkflowWhoseEntrypointIsALeafHasTheWorkflowsNameAsItsPodName() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: echo
                  templates:
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();

        assertThat(s.launchOf("wf").step().podName()).isEqualTo("wf");
    }

    @Test
    void aStepsPodIsNamedAfterTheWorkflowItsTemplateAndTheHashOfItsNodeName() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: a, template: echo}
                  - name: echo
                    container: {image: busybox, command: [echo, hi]}
                """).start();

        String id = s.node("a").id();
        assertThat(s.launchOf("wf[0].a").step().podName())
                .isEqualTo("wf-echo-" + id.substring("wf-".length()));
    }
}
