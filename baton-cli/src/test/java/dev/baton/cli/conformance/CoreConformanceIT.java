package dev.baton.cli.conformance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The conformance files of steps, DAG, loops, parameters, scripts and conditions, each checked as MANIFEST.tsv says. */
class CoreConformanceIT extends ConformanceSupport {

    @Test
    void helloWorld() throws Exception {
        RunResult r = run("hello-world.yaml", "Succeeded");
        assertThat(r.root().phase()).isEqualTo("Succeeded");
        assertThat(r.root().stdout()).isEqualTo("hello world");
    }

    @Test
    void argumentsParameters() throws Exception {
        RunResult r = run("arguments-parameters.yaml", "Succeeded");
        assertThat(r.root().inputParameter("message")).isEqualTo("hello world");
        assertThat(r.root().stdout()).isEqualTo("hello world");
    }

    @Test
    void argumentsParametersOverriddenOnTheCommandLine() throws Exception {
        RunResult r = run("arguments-parameters.yaml", "Succeeded", "-p", "message=goodbye world");
        assertThat(r.root().inputParameter("message")).isEqualTo("goodbye world");
        assertThat(r.root().stdout()).isEqualTo("goodbye world");
    }

    @Test
    void globalParameters() throws Exception {
        RunResult r = run("global-parameters.yaml", "Succeeded");
        assertThat(r.root().stdout()).isEqualTo("hello world");
    }

    @Test
    void steps() throws Exception {
        RunResult r = run("steps.yaml", "Succeeded");
        for (String name : List.of("hello1", "hello2a", "hello2b")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
            assertThat(r.node(name).stdout()).isEqualTo(name);
        }
        assertThat(r.node("hello1").finishedAt()).isBeforeOrEqualTo(r.node("hello2a").startedAt());
        assertThat(r.node("hello1").finishedAt()).isBeforeOrEqualTo(r.node("hello2b").startedAt());
        assertThat(r.node("[0]").type()).isEqualTo("StepGroup");
        assertThat(r.node("hello1").name()).isEqualTo(r.name() + "[0].hello1");
    }

    @Test
    void dagDiamond() throws Exception {
        RunResult r = run("dag-diamond.yaml", "Succeeded");
        for (String name : List.of("A", "B", "C", "D")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
            assertThat(r.node(name).stdout()).isEqualTo(name);
            assertThat(r.node(name).name()).isEqualTo(r.name() + "." + name);
        }
        assertThat(r.node("B").startedAt()).isAfterOrEqualTo(r.node("A").finishedAt());
        assertThat(r.node("C").startedAt()).isAfterOrEqualTo(r.node("A").finishedAt());
        assertThat(r.node("D").startedAt()).isAfterOrEqualTo(r.node("B").finishedAt())
                .isAfterOrEqualTo(r.node("C").finishedAt());
        assertThat(r.root().type()).isEqualTo("DAG");
    }

    @Test
    void dagMultiroot() throws Exception {
        RunResult r = run("dag-multiroot.yaml", "Succeeded");
        for (String name : List.of("A", "B", "C", "D")) {
            assertThat(r.node(name).stdout()).isEqualTo(name);
        }
        assertThat(r.node("C").startedAt()).isAfterOrEqualTo(r.node("A").finishedAt());
        assertThat(r.node("D").startedAt()).isAfterOrEqualTo(r.node("A").finishedAt())
                .isAfterOrEqualTo(r.node("B").finishedAt());
    }

    @Test
    void dagNested() throws Exception {
        RunResult r = run("dag-nested.yaml", "Succeeded");
        List<RunResult.Node> pods = r.pods();
        assertThat(pods).hasSize(16).allMatch(n -> n.phase().equals("Succeeded"));
        Set<String> expected = Set.of("AA", "AB", "AC", "AD", "BA", "BB", "BC", "BD", "CA", "CB", "CC", "CD",
                "DA", "DB", "DC", "DD");
        assertThat(pods.stream().map(RunResult.Node::stdout).collect(Collectors.toSet())).isEqualTo(expected);
    }

    @Test
    void dagDiamondSteps() throws Exception {
        RunResult r = run("dag-diamond-steps.yaml", "Succeeded");
        List<RunResult.Node> pods = r.pods();
        assertThat(pods).hasSize(12).allMatch(n -> n.phase().equals("Succeeded"));
        assertThat(pods.stream().map(RunResult.Node::stdout).collect(Collectors.toSet())).isEqualTo(
                Set.of("A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "D1", "D2", "D3"));
        for (RunResult.Node d : pods.stream().filter(p -> p.stdout().startsWith("D")).toList()) {
            for (RunResult.Node bc : pods.stream().filter(p -> p.stdout().matches("[BC].")).toList()) {
                assertThat(d.startedAt()).isAfterOrEqualTo(bc.finishedAt());
            }
        }
        assertThat(r.has("echo(0:1)")).isTrue();
    }

    @Test
    void dagTargets() throws Exception {
        RunResult r = run("dag-targets.yaml", "Succeeded");
        for (String name : List.of("A", "C", "E")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
            assertThat(r.node(name).stdout()).isEqualTo(name);
        }
        assertThat(r.has("B")).isFalse();
        assertThat(r.has("D")).isFalse();
    }

    @Test
    void dagEnhancedDepends() throws Exception {
        RunResult r = run("dag-enhanced-depends.yaml", "Succeeded");
        assertThat(r.node("C").phase()).isEqualTo("Failed");
        assertThat(r.node("C").exitCode()).isEqualTo("1");
        for (String name : List.of("should-execute-1", "should-execute-2", "should-execute-3")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
        }
        assertThat(r.node("should-not-execute").phase()).isEqualTo("Omitted");
        assertThat(r.node("should-not-execute").message()).isEqualTo("omitted: depends condition not met");
    }

    @Test
    void dagContinueOnFail() throws Exception {
        RunResult r = run("dag-continue-on-fail.yaml", "Failed");
        for (String name : List.of("B", "E")) {
            assertThat(r.node(name).phase()).isEqualTo("Failed");
            assertThat(r.node(name).exitCode()).isEqualTo("1");
        }
        for (String name : List.of("A", "C", "D", "F")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
        }
        assertThat(r.node("G").phase()).isEqualTo("Omitted");
    }

    @Test
    void continueOnFail() throws Exception {
        RunResult r = run("continue-on-fail.yaml", "Succeeded");
        assertThat(r.node("C").phase()).isEqualTo("Failed");
        assertThat(r.node("C").exitCode()).isEqualTo("1");
        for (String name : List.of("A", "B", "D")) {
            assertThat(r.node(name).phase()).isEqualTo("Succeeded");
            assertThat(r.node(name).stdout()).isEqualTo("hello world");
        }
        // parallelism: 1 — B and C never overlap
        RunResult.Node b = r.node("B");
        RunResult.Node c = r.node("C");
        assertThat(b.finishedAt().isAfter(c.startedAt()) && c.finishedAt().isAfter(b.startedAt())).isFalse();
    }

    @Test
    void statusReference() throws Exception {
        RunResult r = run("status-reference.yaml", "Succeeded");
        assertThat(r.node("flakey-container").phase()).isEqualTo("Failed");
        assertThat(r.node("flakey-container").exitCode()).isEqualTo("1");
        assertThat(r.node("failed").phase()).isEqualTo("Succeeded");
        assertThat(r.node("failed").stdout()).isEqualTo("the flakey container failed");
        assertThat(r.node("succeeded").phase()).isEqualTo("Skipped");
    }

    @Test
    void exitCodeOutputVariable() throws Exception {
        RunResult r = run("exit-code-output-variable.yaml", "Succeeded");
        assertThat(r.node("failing-container").phase()).isEqualTo("Failed");
        assertThat(r.node("failing-container").exitCode()).isEqualTo("123");
        assertThat(r.node("echo-container").stdout()).isEqualTo("Exit code was: 123");
    }

    @Test
    void loops() throws Exception {
        RunResult r = run("loops.yaml", "Succeeded");
        assertThat(r.node("print-message-loop(0:hello world)").stdout()).isEqualTo("hello world");
        assertThat(r.node("print-message-loop(1:goodbye world)").stdout()).isEqualTo("goodbye world");
    }

    @Test
    void loopsDag() throws Exception {
        RunResult r = run("loops-dag.yaml", "Succeeded");
        assertThat(r.node("B(0:foo)").stdout()).isEqualTo("foo");
        assertThat(r.node("B(1:bar)").stdout()).isEqualTo("bar");
        assertThat(r.node("B(2:baz)").stdout()).isEqualTo("baz");
        assertThat(r.node("B").type()).isEqualTo("TaskGroup");
        for (String item : List.of("B(0:foo)", "B(1:bar)", "B(2:baz)")) {
            assertThat(r.node("C").startedAt()).isAfterOrEqualTo(r.node(item).finishedAt());
        }
        assertThat(r.node("A").stdout()).isEqualTo("A");
        assertThat(r.node("C").stdout()).isEqualTo("C");
    }

    @Test
    void loopsSequence() throws Exception {
        RunResult r = run("loops-sequence.yaml", "Succeeded");
        assertSequence(r, "sequence-count", List.of("0", "1", "2", "3", "4"));
        assertSequence(r, "sequence-start-end", List.of("100", "101", "102", "103", "104", "105"));
        assertSequence(r, "sequence-param", List.of("200", "201", "202"));
        assertSequence(r, "sequence-negative", List.of("5", "4", "3", "2", "1", "0"));
        assertSequence(r, "sequence-format",
                List.of("testuser00", "testuser01", "testuser02", "testuser03", "testuser04"));
        assertThat(r.has("sequence-count(0:0)")).isTrue();
    }

    private static void assertSequence(RunResult r, String step, List<String> values) {
        IntStream.range(0, values.size()).forEach(i -> {
            RunResult.Node child = r.node(step + "(" + i + ":" + values.get(i) + ")");
            assertThat(child.phase()).isEqualTo("Succeeded");
            assertThat(child.stdout()).isEqualTo(values.get(i));
        });
        assertThat(r.nodes(n -> n.displayName().startsWith(step + "("))).hasSize(values.size());
    }

    @Test
    void loopsArbitrarySequentialSteps() throws Exception {
        RunResult r = run("loops-arbitrary-sequential-steps.yaml", "Failed");
        List<RunResult.Node> children = r.nodes(n -> n.displayName().startsWith("unit-step("));
        assertThat(children).hasSize(4);
        for (int i = 0; i < 3; i++) {
            int index = i;
            RunResult.Node child = children.stream().filter(n -> n.displayName().startsWith("unit-step(" + index + ":"))
                    .findFirst().orElseThrow();
            assertThat(child.phase()).isEqualTo("Succeeded");
            assertThat(child.stdout()).isEqualTo("succeeds " + (i + 1));
        }
        RunResult.Node fourth = children.stream().filter(n -> n.displayName().startsWith("unit-step(3:"))
                .findFirst().orElseThrow();
        assertThat(fourth.phase()).isEqualTo("Failed");
        assertThat(fourth.exitCode()).isEqualTo("1");
        assertThat(r.nodes(n -> n.displayName().startsWith("unit-step(4:") || n.displayName().startsWith("unit-step(5:")))
                .isEmpty();
    }

    @Test
    void outputParameter() throws Exception {
        RunResult r = run("output-parameter.yaml", "Succeeded");
        assertThat(r.node("generate-parameter").outputParameter("hello-param")).isEqualTo("hello world");
        assertThat(r.node("consume-parameter").stdout()).isEqualTo("hello world");
    }

    @Test
    void parameterAggregation() throws Exception {
        RunResult r = run("parameter-aggregation.yaml", "Succeeded");
        assertAggregation(r);
    }

    @Test
    void parameterAggregationDag() throws Exception {
        RunResult r = run("parameter-aggregation-dag.yaml", "Succeeded");
        assertAggregation(r);
    }

    private static void assertAggregation(RunResult r) {
        assertThat(r.node("print-nums").stdout()).isEqualTo("[\"1\",\"2\",\"3\",\"4\"]");
        assertThat(r.node("print-evenness").stdout()).isEqualTo("[\"odd\",\"even\",\"odd\",\"even\"]");
        List<RunResult.Node> divide = r.nodes(n -> n.displayName().startsWith("divide-by-2("));
        assertThat(divide).hasSize(4);
        for (RunResult.Node n : divide) {
            boolean even = n.displayName().contains("num:2") || n.displayName().contains("num:4");
            assertThat(n.phase()).as(n.displayName()).isEqualTo(even ? "Succeeded" : "Skipped");
            if (n.displayName().contains("num:2")) {
                assertThat(n.stdout()).isEqualTo("1");
            }
            if (n.displayName().contains("num:4")) {
                assertThat(n.stdout()).isEqualTo("2");
            }
        }
        List<RunResult.Node> prints = r.nodes(n -> n.displayName().startsWith("print("));
        assertThat(prints.stream().map(RunResult.Node::stdout).collect(Collectors.toSet())).isEqualTo(Set.of("1", "2"));
    }

    @Test
    void parameterAggregationScript() throws Exception {
        RunResult r = run("parameter-aggregation-script.yaml", "Succeeded");
        List<RunResult.Node> odd = r.nodes(n -> n.displayName().startsWith("odd-or-even("));
        assertThat(odd).hasSize(4).allMatch(n -> n.stdout().startsWith("{") && n.stdout().contains("\"evenness\""));
        List<RunResult.Node> divide = r.nodes(n -> n.displayName().startsWith("divide-by-2("));
        assertThat(divide).hasSize(4);
        for (RunResult.Node n : divide) {
            boolean even = n.displayName().contains("evenness:even");
            assertThat(n.phase()).as(n.displayName()).isEqualTo(even ? "Succeeded" : "Skipped");
            if (n.displayName().contains("num:2")) {
                assertThat(n.stdout()).isEqualTo("1");
            }
            if (n.displayName().contains("num:4")) {
                assertThat(n.stdout()).isEqualTo("2");
            }
        }
    }

    @Test
    void scriptsPython() throws Exception {
        assertRandomIntPrinted(run("scripts-python.yaml", "Succeeded"));
    }

    @Test
    void scriptsBash() throws Exception {
        assertRandomIntPrinted(run("scripts-bash.yaml", "Succeeded"));
    }

    private static void assertRandomIntPrinted(RunResult r) {
        int n = Integer.parseInt(r.node("generate").stdout().trim());
        assertThat(n).isBetween(1, 100);
        assertThat(r.node("print").stdout()).isEqualTo("result was: " + n);
    }

    @Test
    void coinflip() throws Exception {
        RunResult r = run("coinflip.yaml", "Succeeded");
        String result = r.node("flip-coin").stdout();
        assertThat(result).isIn("heads", "tails");
        String other = result.equals("heads") ? "tails" : "heads";
        assertThat(r.node(result).phase()).isEqualTo("Succeeded");
        assertThat(r.node(result).stdout()).isEqualTo("it was " + result);
        assertThat(r.node(other).phase()).isEqualTo("Skipped");
        assertThat(r.node(other).message()).isEqualTo("when '" + result + " == " + other + "' evaluated false");
    }

    @Test
    void conditionalsComplex() throws Exception {
        RunResult r = run("conditionals-complex.yaml", "Succeeded");
        String f = r.node("flip-coin").stdout();
        String g = r.node("flip-again").stdout();
        assertThat(r.node(f).phase()).isEqualTo("Succeeded");
        assertThat(r.node(f.equals("heads") ? "tails" : "heads").phase()).isEqualTo("Skipped");
        assertThat(r.node("complex-condition").phase()).isEqualTo(g.equals("tails") ? "Succeeded" : "Skipped");
        assertThat(r.node("heads-regex").phase()).isEqualTo(g.equals("heads") ? "Succeeded" : "Skipped");
        assertThat(r.node("tails-regex").phase()).isEqualTo(g.equals("tails") ? "Succeeded" : "Skipped");
    }

    @Test
    void recursiveForLoop() throws Exception {
        RunResult r = run("recursive-for-loop.yaml", "Succeeded");
        List<RunResult.Node> counters = r.nodes(n -> n.displayName().equals("iterate-counter"));
        assertThat(counters).hasSize(10);
        assertThat(counters.stream().map(RunResult.Node::stdout).collect(Collectors.toSet()))
                .isEqualTo(IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).collect(Collectors.toSet()));
        List<RunResult.Node> continues = r.nodes(n -> n.displayName().equals("continue"));
        assertThat(continues).hasSize(10);
        assertThat(continues.stream().filter(n -> n.phase().equals("Skipped"))).hasSize(1);
    }
}
