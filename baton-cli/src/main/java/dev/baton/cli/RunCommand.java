package dev.baton.cli;

import dev.baton.server.BatonHome;
import dev.baton.server.StoreAccess;

import dev.baton.engine.core.RunContext;
import dev.baton.engine.core.RunContexts;
import dev.baton.engine.core.RunState;
import dev.baton.engine.core.TemplateLibrary;
import dev.baton.engine.runtime.RunJournal;
import dev.baton.engine.runtime.WorkflowView;
import dev.baton.engine.runtime.durable.StoreJournal;
import dev.baton.spi.store.Store;
import dev.baton.model.run.WorkflowPhase;
import dev.baton.model.spec.ClusterWorkflowTemplate;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;
import dev.baton.model.spec.WorkflowTemplate;
import dev.baton.template.LoadResult;
import dev.baton.template.LoadedDocument;
import dev.baton.template.Problem;
import dev.baton.template.WorkflowFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code baton run FILE}: runs a workflow to completion in this process, on this machine. */
@Command(name = "run", description = "Runs a workflow to completion on this machine.")
final class RunCommand implements Callable<Integer> {
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    @Parameters(index = "0", paramLabel = "FILE", description = "The workflow file (YAML or JSON).")
    Path file;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "Sets a workflow parameter (repeatable).")
    List<String> parameters = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "Prints the final workflow as json or yaml on standard output.")
    String output;

    @Option(names = "--templates", paramLabel = "PATH",
            description = "A file or folder of WorkflowTemplates to register (repeatable).")
    List<Path> templates = new ArrayList<>();

    @Option(names = "--driver", paramLabel = "KIND", defaultValue = "host",
            description = "Where steps run: host (default).")
    String driverKind;

    @Option(names = "--ephemeral", description = "Keeps nothing: the run is not recorded in the store.")
    boolean ephemeral;

    @Option(names = "--keep-work", description = "Keeps each step's private work directory for inspection.")
    boolean keepWork;

    @Option(names = "--max-parallel-steps", paramLabel = "N",
            description = "How many steps may run at once on this machine (default: 4 per processor, at least 8; "
                    + "0 for no limit).")
    Integer maxParallelSteps;

    @Override
    public Integer call() throws Exception {
        if (!Output.valid(output)) {
            return Baton.EXIT_INVALID;
        }
        if (!driverKind.equals("host")) {
            System.err.println("baton: unknown driver '" + driverKind + "'; available: host");
            return Baton.EXIT_INVALID;
        }
        Map<String, String> values = parseParameters();
        if (values == null) {
            return Baton.EXIT_INVALID;
        }
        List<Path> files = new ArrayList<>();
        files.add(file);
        for (Path t : templates) {
            files.addAll(expand(t));
        }
        LoadResult loaded = WorkflowFiles.load(files, List.of(), values);
        if (!loaded.ok()) {
            loaded.problems().forEach(p -> System.err.println(p.format()));
            System.err.println("baton: " + loaded.problems().size() + " problem(s); nothing was run");
            return Baton.EXIT_INVALID;
        }
        Workflow workflow = null;
        Map<String, WorkflowSpec> namespaced = new HashMap<>();
        Map<String, WorkflowSpec> cluster = new HashMap<>();
        for (LoadedDocument doc : loaded.documents()) {
            switch (doc.manifest()) {
                case Workflow w -> {
                    if (workflow == null && doc.file().equals(file)) {
                        workflow = w;
                    }
                }
                case WorkflowTemplate t -> namespaced.put(t.metadata().name(), t.spec());
                case ClusterWorkflowTemplate t -> cluster.put(t.metadata().name(), t.spec());
                default -> {
                }
            }
        }
        if (workflow == null) {
            System.err.println(file + ": no Workflow document to run");
            return Baton.EXIT_INVALID;
        }
        return execute(workflow, TemplateLibrary.of(namespaced, cluster));
    }

    private int execute(Workflow workflow, TemplateLibrary library) throws Exception {
        Path home = BatonHome.resolve();
        Clock clock = Clock.systemUTC();
        RunContext context = RunContexts.of(workflow, library, clock.instant(), nameSuffix(),
                UUID.randomUUID().toString());
        System.err.println("Running " + context.runName());
        try (Store store = ephemeral ? null : StoreAccess.open(home)) {
            RunJournal journal = store == null ? RunJournal.NONE
                    : new StoreJournal(store, StoreAccess.owner(), clock, LEASE);
            RunState state = Engine.open(home, clock, keepWork, maxParallelSteps).memoizingIn(store)
                    .repositoryFor(context.spec(), context.namespace())
                    .run(loop -> loop.journal(journal).run(new RunState(context)));
            return finish(state);
        }
    }

    /** How long a run stays owned by this process without a renewal; after a crash, resume waits this long at most. */
    static final java.time.Duration LEASE = java.time.Duration.ofSeconds(15);

    private int finish(RunState state) throws IOException {
        print(state);
        System.err.println(state.runName() + " " + state.phase()
                + (state.message() != null ? ": " + state.message() : ""));
        return state.phase() == WorkflowPhase.Succeeded ? 0 : 1;
    }

    private void print(RunState state) throws IOException {
        Output.print(output, WorkflowView.of(state));
    }

    private Map<String, String> parseParameters() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : parameters) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                System.err.println("baton: -p expects NAME=VALUE, got '" + p + "'");
                return null;
            }
            values.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return values;
    }

    private static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                            || p.toString().endsWith(".json"))
                    .sorted().toList();
        }
    }

    private static String nameSuffix() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }
}
