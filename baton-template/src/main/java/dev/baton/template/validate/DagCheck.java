package dev.baton.template.validate;

import dev.baton.template.depends.DependsExpression;

import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TaskSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.DidYouMean;
import dev.baton.template.yaml.YamlPath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a DAG template: task names, {@code depends}/{@code dependencies}, cycles, targets, what each
 * task calls, and that {@code {{tasks.X…}}} arguments name a dependency, as Argo requires.
 */
final class DagCheck {
    private static final String TASKS = "tasks.";

    private final SpecContext context;

    DagCheck(SpecContext context) {
        this.context = context;
    }

    void check(TemplateSpec template, TemplateKind.Dag dag, String path) {
        String dagPath = YamlPath.key(path, "dag");
        String tasksPath = YamlPath.key(dagPath, "tasks");
        List<TaskSpec> tasks = dag.tasks() == null ? List.of() : dag.tasks();
        if (tasks.isEmpty()) {
            context.add(dagPath, "a DAG needs at least one task");
            return;
        }
        Map<String, Integer> indexOf = names(tasks, tasksPath);
        boolean usingDepends = tasks.stream().anyMatch(t -> t != null && t.depends() != null);
        boolean usingDependencies = tasks.stream().anyMatch(t -> t != null && t.dependencies() != null);
        if (usingDepends && usingDependencies) {
            context.add(dagPath, "cannot use both 'depends' and 'dependencies' in one DAG");
        }
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        InvocationCheck invocations = new InvocationCheck(context);
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            if (task == null) {
                continue;
            }
            String taskPath = YamlPath.index(tasksPath, i);
            List<String> named = dependencies(task, taskPath, indexOf, usingDepends || usingDependencies);
            if (task.name() != null) {
                dependencies.putIfAbsent(task.name(), named);
            }
            if (usingDepends && task.continueOn() != null) {
                context.add(YamlPath.key(taskPath, "continueOn"), "cannot use 'continueOn' with 'depends';"
                        + " write 'task.Failed' or 'task.Errored' in depends instead");
            }
            invocations.check(task, taskPath);
        }
        for (List<String> cycle : CycleFinder.find(dependencies)) {
            int first = indexOf.get(cycle.getFirst());
            TaskSpec task = tasks.get(first);
            String key = task.depends() != null ? "depends" : "dependencies";
            context.add(YamlPath.key(YamlPath.index(tasksPath, first), key), "cycle: " + String.join(" -> ", cycle));
        }
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            if (task != null) {
                references(task, YamlPath.index(tasksPath, i), indexOf, ancestors(task.name(), dependencies));
            }
        }
        target(dag.target(), YamlPath.key(dagPath, "target"), indexOf);
        outputReferences(template, path, indexOf);
    }

    private Map<String, Integer> names(List<TaskSpec> tasks, String tasksPath) {
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            String taskPath = YamlPath.index(tasksPath, i);
            if (task == null || task.name() == null || task.name().isEmpty()) {
                context.add(taskPath, "task has no name");
                continue;
            }
            NameRules.fieldNameProblem(task.name())
                    .ifPresent(message -> context.add(YamlPath.key(taskPath, "name"), message));
            if (indexOf.putIfAbsent(task.name(), i) != null) {
                context.add(YamlPath.key(taskPath, "name"), "duplicate task name '" + task.name() + "'");
            }
        }
        return indexOf;
    }

    private List<String> dependencies(TaskSpec task, String taskPath, Map<String, Integer> indexOf,
                                      boolean ordered) {
        List<String> named = new ArrayList<>();
        if (ordered && task.name() != null && !task.name().isEmpty() && Character.isDigit(task.name().charAt(0))) {
            context.add(YamlPath.key(taskPath, "name"), "task name '" + task.name()
                    + "' cannot begin with a digit when using 'depends' or 'dependencies'");
        }
        if (task.depends() != null) {
            String dependsPath = YamlPath.key(taskPath, "depends");
            try {
                for (String name : DependsExpression.parse(task.depends()).tasks()) {
                    if (known(name, dependsPath, indexOf)) {
                        named.add(name);
                    }
                }
            } catch (IllegalArgumentException e) {
                context.add(dependsPath, "cannot parse depends '" + task.depends() + "': " + e.getMessage());
            }
        }
        if (task.dependencies() != null) {
            List<String> list = task.dependencies();
            for (int d = 0; d < list.size(); d++) {
                String name = list.get(d);
                if (name != null && known(name, YamlPath.index(YamlPath.key(taskPath, "dependencies"), d), indexOf)) {
                    named.add(name);
                }
            }
        }
        return named;
    }

    private boolean known(String name, String path, Map<String, Integer> indexOf) {
        if (indexOf.containsKey(name)) {
            return true;
        }
        context.add(path, "unknown task '" + name + "'" + DidYouMean.hint(name, indexOf.keySet()));
        return false;
    }

    private static Set<String> ancestors(String task, Map<String, List<String>> dependencies) {
        Set<String> ancestors = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(dependencies.getOrDefault(task, List.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (ancestors.add(next)) {
                todo.addAll(dependencies.getOrDefault(next, List.of()));
            }
        }
        return ancestors;
    }

    /**
     * {@code {{tasks.X…}}} must name a task of this DAG; an argument that is such a reference must name an
     * ancestor (Argo's validateDAGTaskArgumentDependency).
     */
    private void references(TaskSpec task, String taskPath, Map<String, Integer> indexOf, Set<String> ancestors) {
        TreeStrings.forEach(task, taskPath, (at, value) -> {
            for (String tag : Tags.in(value)) {
                String name = Tags.nameAfter(tag, TASKS);
                if (name != null && !indexOf.containsKey(name) && !(tag.equals("tasks.name"))) {
                    context.add(at, "unknown task '" + name + "'" + DidYouMean.hint(name, indexOf.keySet()));
                }
            }
        });
        if (task.arguments() == null) {
            return;
        }
        String argumentsPath = YamlPath.key(taskPath, "arguments");
        List<ParameterSpec> parameters = task.arguments().parametersOrEmpty();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSpec parameter = parameters.get(i);
            if (parameter != null) {
                String at = YamlPath.key(YamlPath.index(YamlPath.key(argumentsPath, "parameters"), i), "value");
                argumentDependency(parameter.value(), "parameter '" + parameter.name() + "'", at, task, indexOf,
                        ancestors);
            }
        }
        List<ArtifactSpec> artifacts = task.arguments().artifactsOrEmpty();
        for (int i = 0; i < artifacts.size(); i++) {
            ArtifactSpec artifact = artifacts.get(i);
            if (artifact != null) {
                String at = YamlPath.key(YamlPath.index(YamlPath.key(argumentsPath, "artifacts"), i), "from");
                argumentDependency(artifact.from(), "artifact '" + artifact.name() + "'", at, task, indexOf,
                        ancestors);
            }
        }
    }

    private void argumentDependency(String value, String what, String path, TaskSpec task,
                                    Map<String, Integer> indexOf, Set<String> ancestors) {
        if (value == null || !value.startsWith("{{tasks.")) {
            return;
        }
        String name = Tags.nameAfter(value.substring(2), TASKS);
        if (name == null || !indexOf.containsKey(name) || ancestors.contains(name)) {
            return;
        }
        context.add(path, "missing dependency '" + name + "' for " + what + ": add '" + name + "' to the"
                + " depends or dependencies of task '" + task.name() + "'");
    }

    private void target(String target, String path, Map<String, Integer> indexOf) {
        if (target == null || Tags.isTemplated(target)) {
            return;
        }
        for (String name : target.trim().split("\\s+")) {
            if (!name.isEmpty()) {
                known(name, path, indexOf);
            }
        }
    }

    private void outputReferences(TemplateSpec template, String path, Map<String, Integer> indexOf) {
        if (template.outputs() == null) {
            return;
        }
        TreeStrings.forEach(template.outputs(), YamlPath.key(path, "outputs"), (at, value) -> {
            for (String tag : Tags.in(value)) {
                String name = Tags.nameAfter(tag, TASKS);
                if (name != null && !indexOf.containsKey(name)) {
                    context.add(at, "unknown task '" + name + "'" + DidYouMean.hint(name, indexOf.keySet()));
                }
            }
        });
    }
}
