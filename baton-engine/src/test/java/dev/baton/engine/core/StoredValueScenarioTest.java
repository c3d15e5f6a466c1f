package dev.baton.engine.core;

import dev.baton.model.run.NodePhase;
import dev.baton.model.spec.TemplateKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values kept in the artifact store travel through a run as handles: the core hands them on to the steps
 * that use them without reading them, and refuses, with a message, the places that would need their text.
 */
class StoredValueScenarioTest {
    private static final StoredValue RESULT = new StoredValue("sha256:" + "a".repeat(64), 20L * 1024 * 1024);
    private static final StoredValue DATA = new StoredValue("sha256:" + "b".repeat(64), 300_000);

    private static String steps(String consumer) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: produce, template: produce}
                    - - CONSUMER
                  - name: produce
                    script:
                      image: python:3
                      command: [python3]
                      source: print('x' * 20000000)
                    outputs:
                      parameters:
                      - name: data
                        valueFrom: {path: /tmp/data}
                  - name: consume
                    inputs:
                      parameters:
                      - name: text
                      - {name: data, value: ""}
                    script:
                      image: python:3
                      command: [python3]
                      source: |
                        text = '''{{inputs.parameters.text}}'''
                  - name: echo
                    inputs:
                      parameters:
                      - name: item
                    container: {image: busybox, command: [echo, "{{inputs.parameters.item}}"]}
                """.replace("CONSUMER", consumer.replace("\n", "\n  "));
    }

    private static RunScenario produced(String consumer) {
        return RunScenario.of(steps(consumer)).start()
                .exit("[0].produce", 0, RESULT.handle(), Map.of("data", DATA.handle() + "\n"));
    }

    @Test
    void aStoredResultReachesTheConsumersScriptAndInputsAsAHandle() {
        RunScenario s = produced("""
                name: consume
                      template: consume
                      arguments:
                        parameters:
                        - {name: text, value: "{{steps.produce.outputs.result}}"}
                        - {name: data, value: "{{steps.produce.outputs.parameters.data}}"}""");

        assertThat(s.node("produce").result()).isEqualTo(RESULT.handle());
        assertThat(s.node("produce").outputParameters()).containsEntry("data", DATA.handle());
        ResolvedStep consume = s.launchOf("[1].consume").step();
        assertThat(consume.inputParameters()).containsEntry("text", RESULT.handle())
                .containsEntry("data", DATA.handle());
        TemplateKind.Script script = (TemplateKind.Script) consume.template().kind();
        assertThat(script.source()).isEqualTo("text = '''" + RESULT.handle() + "'''\n");
        assertThat(StoredValue.split(script.source())).containsExactly(new StoredValue.Piece.Literal("text = '''"),
                new StoredValue.Piece.Stored(RESULT), new StoredValue.Piece.Literal("'''\n"));
    }

    @Test
    void aWhenThatUsesAStoredValueErrorsWithTheThresholdNamed() {
        RunScenario s = produced("""
                name: consume
                      template: consume
                      when: "'{{steps.produce.outputs.result}}' == 'ok'"
                      arguments:
                        parameters:
                        - {name: text, value: "x"}""");

        assertThat(s.phaseOf("consume")).isEqualTo(NodePhase.Error);
        assertThat(s.node("consume").message()).isEqualTo("when: it uses a value kept in the artifact store because"
                + " it is larger than the inline threshold (BATON_VALUE_INLINE_MAX, default 256 KiB), and when and"
                + " withParam only read values up to that threshold: raise it, or pass a smaller value");
    }

    @Test
    void aWithParamThatUsesAStoredValueErrorsWithTheThresholdNamed() {
        RunScenario s = produced("""
                name: consume
                      template: echo
                      withParam: "{{steps.produce.outputs.result}}"
                      arguments:
                        parameters:
                        - {name: item, value: "{{item}}"}""");

        assertThat(s.running()).isEmpty();
        assertThat(s.state().nodes()).filteredOn(n -> n.phase() == NodePhase.Error)
                .extracting(NodeState::message).contains("withParam: " + StoredValue.TOO_LARGE_TO_EVALUATE);
    }

    @Test
    void anAggregatedLoopOutputNamesStoredValuesInsteadOfHoldingThem() {
        RunScenario s = RunScenario.of("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: loop, template: emit, withItems: [0, 1]}
                    - - name: sum
                        template: echo
                        arguments:
                          parameters:
                          - {name: results, value: "{{steps.loop.outputs.result}}"}
                          - {name: params, value: "{{steps.loop.outputs.parameters.data}}"}
                  - name: emit
                    container: {image: busybox, command: [echo]}
                    outputs:
                      parameters:
                      - name: data
                        valueFrom: {path: /tmp/data}
                  - name: echo
                    inputs:
                      parameters: [{name: results}, {name: params}]
                    container: {image: busybox, command: [echo, "{{inputs.parameters.results}}"]}
                """).start();
        s.exit("[0].loop(0:0)", 0, RESULT.handle(), Map.of("data", "small"));
        s.exit("[0].loop(1:1)", 0, "{\"n\": 1}\n", Map.of("data", DATA.handle()));

        Map<String, String> inputs = s.launchOf("[1].sum").step().inputParameters();
        assertThat(inputs.get("results")).isEqualTo("[{\"size\":" + RESULT.size() + ",\"storedValue\":\""
                + RESULT.digest() + "\"},{\"n\":1}]");
        assertThat(inputs.get("params")).isEqualTo("[\"small\",{\"size\":" + DATA.size() + ",\"storedValue\":\""
                + DATA.digest() + "\"}]");
    }

    @Test
    void aMemoizedStoredValueIsSavedAndReusedAsItsHandle() {
        String workflow = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: wf}
                spec:
                  entrypoint: main
                  templates:
                  - name: main
                    steps:
                    - - {name: produce, template: produce}
                    - - name: use
                        template: echo
                        arguments:
                          parameters: [{name: item, value: "{{steps.produce.outputs.result}}"}]
                  - name: produce
                    memoize:
                      key: "k"
                      cache: {configMap: {name: cache}}
                    container: {image: busybox, command: [echo]}
                  - name: echo
                    inputs:
                      parameters: [{name: item}]
                    container: {image: busybox, command: [cat]}
                """;
        RunScenario first = RunScenario.of(workflow).start().answerMemos(null);
        first.exit("[0].produce", 0, RESULT.handle() + "\n", Map.of());
        assertThat(first.effects()).filteredOn(e -> e instanceof Effect.SaveMemo)
                .extracting(e -> ((Effect.SaveMemo) e).outputs().result()).containsExactly(RESULT.handle());

        RunScenario second = RunScenario.of(workflow).start()
                .answerMemos(new MemoOutputs(Map.of(), RESULT.handle(), "0", Map.of()));
        assertThat(second.phaseOf("produce")).isEqualTo(NodePhase.Succeeded);
        assertThat(second.launchOf("[1].use").step().inputParameters()).containsEntry("item", RESULT.handle());
    }
}
