package dev.baton.template.fuzz;

import dev.baton.template.LoadResult;
import dev.baton.template.Problem;
import dev.baton.template.WorkflowFiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML and JSON reader, binder and validator given damaged workflows (a valid one with random cuts, inserts
 * and YAML constructs spliced in) and raw text: each ends in a result — documents or problems with a line —
 * never in an exception, a hang or a message naming Java internals. Each property runs with a fixed seed and
 * again with a random one (jqwik prints it on failure).
 */
class ReaderFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String SEED = "20261204";
    private static final String WORKFLOW = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: fuzz-
              labels: {team: a}
            spec:
              entrypoint: main
              arguments:
                parameters:
                - name: greeting
                  value: hello
              templates:
              - name: main
                dag:
                  tasks:
                  - name: a
                    template: echo
                    arguments:
                      parameters: [{name: word, value: "{{workflow.parameters.greeting}}"}]
                  - name: b
                    depends: a.Succeeded || a.Failed
                    when: "{{tasks.a.outputs.result}} == hello"
                    template: echo
                    arguments:
                      parameters: [{name: word, value: "{{=sprig.upper(tasks.a.outputs.result)}}"}]
                    withItems: [1, 2, {k: v}]
              - name: echo
                inputs:
                  parameters: [{name: word}]
                retryStrategy: {limit: 2, retryPolicy: Always}
                script:
                  image: alpine
                  command: [sh]
                  source: |
                    echo {{inputs.parameters.word}}
                outputs:
                  parameters:
                  - name: p
                    valueFrom: {path: /tmp/p}
            """;
    private static final List<String> SPLICES = List.of(
            "&a ", "*a", "<<: *a\n", "&a [*a, *a]", "!!binary AAAA", "!!python/object:os.system ls", "!!set {a}",
            "!!str x", "? ", "- ", ": ", "\t", "'", "\"", "{", "}", "[", "]", ",", "%YAML 1.1\n", "---\n",
            "...\n", "\u0000", "\uFEFF", "\u0085", "\u2028", "\uD800", "\u00e9", "9223372036854775808", "1e999999",
            "0x1F", "0o17", ".inf", ".nan", "~", "null", "yes", "no", "on", "=", "#", "|", ">", "|-", "|2",
            "\n  ", "\n", "  ", "kind: Workflow\n", "metadata: {name: ../../x}\n", "name: main\n", "spec:\n",
            "templates: []\n", "entrypoint: main\n", "{{", "}}", "{{=", "\\", "\\u", "\r", "\r\n");

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> mutated = mutation().list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            String text = WORKFLOW;
            for (Edit edit : edits) {
                text = edit.apply(text);
            }
            return text;
        });
        Arbitrary<String> raw = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> spliced = Arbitraries.of(SPLICES).list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> deep = Arbitraries.integers().between(50, 5000).flatMap(n -> Arbitraries.of(
                "a: " + "[".repeat(n) + "]".repeat(n), "{\"a\": " + "{\"b\": ".repeat(n) + "1" + "}".repeat(n + 1),
                "a:\n" + "- ".repeat(n) + "x", "&a [" + "*a, ".repeat(n) + "*a]",
                // a small "billion laughs": each alias level multiplies the tree nine times
                "a: &a [x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"));
        return Arbitraries.frequencyOf(Tuple.of(6, mutated), Tuple.of(2, spliced), Tuple.of(1, raw),
                Tuple.of(1, deep));
    }

    /** One change to a document: cut a range, or insert a splice, at a position given as a fraction. */
    record Edit(double at, int length, String insert) {
        String apply(String text) {
            int from = (int) (at * text.length());
            int to = Math.min(text.length(), from + length);
            return text.substring(0, from) + insert + text.substring(to);
        }
    }

    private Arbitrary<Edit> mutation() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 12),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(SPLICES)), Tuple.of(1, Arbitraries.just("")),
                        Tuple.of(1, Arbitraries.strings().ofMaxLength(3)))).as(Edit::new);
    }

    @Property(tries = 800, seed = SEED)
    void workflowFilesWithAFixedSeed(@ForAll("documents") String text) throws Exception {
        reads(text);
    }

    @Property(tries = 800)
    void workflowFilesWithARandomSeed(@ForAll("documents") String text) throws Exception {
        reads(text);
    }

    private static void reads(String text) throws Exception {
        for (String file : List.of("fuzz.yaml", "fuzz.json")) {
            LoadResult result = Bounded.call(text, LIMIT, () -> WorkflowFiles.loadTexts(
                    List.of(new WorkflowFiles.Text(file, text)), List.of(), Map.of()));
            for (Problem problem : result.problems()) {
                Leaks.assertNone(problem.message(), text);
                assertThat(problem.line()).as("line of %s", problem.message()).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
