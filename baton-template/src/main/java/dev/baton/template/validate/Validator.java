package dev.baton.template.validate;

import dev.baton.model.spec.Arguments;
import dev.baton.model.spec.ClusterWorkflowTemplate;
import dev.baton.model.spec.CronWorkflow;
import dev.baton.model.spec.Manifest;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.model.spec.Workflow;
import dev.baton.model.spec.WorkflowSpec;
import dev.baton.model.spec.WorkflowTemplate;
import dev.baton.template.DidYouMean;
import dev.baton.template.Problem;
import dev.baton.template.yaml.YamlPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a manifest the way Argo does before it runs anything, and returns every problem with its
 * YAML path (line and column are added by whoever holds the source map).
 */
public final class Validator {
    private Validator() {
    }

    public static List<Problem> validate(Manifest manifest, TemplateLibrary library) {
        List<Problem> problems = new ArrayList<>();
        MetadataCheck.check(manifest, problems);
        switch (manifest) {
            case Workflow w -> spec(w.spec(), "spec", true, library, problems);
            case WorkflowTemplate t -> spec(t.spec(), "spec", false, library, problems);
            case ClusterWorkflowTemplate t -> spec(t.spec(), "spec", false, library, problems);
            case CronWorkflow c -> {
                if (c.spec() == null) {
                    problems.add(Problem.at("spec", "missing spec"));
                } else {
                    spec(c.spec().workflowSpec(), "spec.workflowSpec", true, library, problems);
                }
            }
        }
        return problems;
    }

    /** {@code runnable}: a Workflow or CronWorkflow, which needs an entrypoint and values for its parameters. */
    private static void spec(WorkflowSpec spec, String path, boolean runnable, TemplateLibrary library,
                             List<Problem> problems) {
        if (spec == null) {
            problems.add(Problem.at(path, "missing spec"));
            return;
        }
        Optional<WorkflowSpec> referenced = referencedSpec(spec, path, library, problems);
        if (spec.workflowTemplateRef() != null && referenced.isEmpty()) {
            return;
        }
        Map<String, TemplateSpec> templates = referenced.map(Templates::byName).orElseGet(() -> Templates.byName(spec));
        SpecContext context = new SpecContext(templates, library, problems);
        duplicateTemplates(spec, path, context);
        String entrypoint = spec.entrypoint() != null ? spec.entrypoint()
                : referenced.map(WorkflowSpec::entrypoint).orElse(null);
        Arguments arguments = merged(spec.arguments(), referenced.map(WorkflowSpec::arguments).orElse(null));
        entrypoint(entrypoint, runnable, arguments, path, context);
        if (runnable) {
            workflowArguments(spec.arguments(), YamlPath.key(path, "arguments"), context);
        }
        InvocationCheck invocations = new InvocationCheck(context);
        if (spec.onExit() != null) {
            invocations.local(spec.onExit(), YamlPath.key(path, "onExit"));
        }
        invocations.hooks(spec.hooks(), YamlPath.key(path, "hooks"));
        List<TemplateSpec> own = spec.templates() == null ? List.of() : spec.templates();
        TemplateCheck templateCheck = new TemplateCheck(context);
        for (int i = 0; i < own.size(); i++) {
            templateCheck.check(own.get(i), YamlPath.index(YamlPath.key(path, "templates"), i), false);
        }
    }

    private static Optional<WorkflowSpec> referencedSpec(WorkflowSpec spec, String path, TemplateLibrary library,
                                                         List<Problem> problems) {
        WorkflowSpec.WorkflowTemplateRef ref = spec.workflowTemplateRef();
        if (ref == null) {
            return Optional.empty();
        }
        String refPath = YamlPath.key(path, "workflowTemplateRef");
        boolean cluster = Boolean.TRUE.equals(ref.clusterScope());
        String kind = TemplateLibrary.kindName(cluster);
        if (ref.name() == null) {
            problems.add(Problem.at(refPath, "workflowTemplateRef has no name: name the " + kind));
            return Optional.empty();
        }
        if (spec.templates() != null && !spec.templates().isEmpty()) {
            problems.add(Problem.at(YamlPath.key(path, "templates"),
                    "a workflow that uses workflowTemplateRef cannot define templates of its own"));
        }
        Optional<WorkflowSpec> found = library.find(ref.name(), cluster);
        if (found.isEmpty()) {
            String hint = library.names(cluster).isEmpty() ? " (pass the file that defines it together with this one)"
                    : DidYouMean.hint(ref.name(), library.names(cluster));
            problems.add(Problem.at(YamlPath.key(refPath, "name"), "unknown " + kind + " '" + ref.name() + "'" + hint));
        }
        return found;
    }

    private static void duplicateTemplates(WorkflowSpec spec, String path, SpecContext context) {
        List<TemplateSpec> own = spec.templates() == null ? List.of() : spec.templates();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < own.size(); i++) {
            TemplateSpec template = own.get(i);
            if (template != null && template.name() != null && !seen.add(template.name())) {
                context.add(YamlPath.key(YamlPath.index(YamlPath.key(path, "templates"), i), "name"),
                        "duplicate template name '" + template.name() + "'");
            }
        }
    }

    private static void entrypoint(String entrypoint, boolean runnable, Arguments arguments, String path,
                                   SpecContext context) {
        String entrypointPath = YamlPath.key(path, "entrypoint");
        if (entrypoint == null || entrypoint.isEmpty()) {
            if (runnable) {
                context.add(entrypointPath, "missing entrypoint: name the template to run first");
            }
            return;
        }
        if (context.templateNames().isEmpty()) {
            if (runnable) {
                context.add(YamlPath.key(path, "templates"), "the workflow has no templates");
            }
            return;
        }
        Optional<TemplateSpec> template = new InvocationCheck(context).local(entrypoint, entrypointPath);
        if (runnable) {
            template.ifPresent(t -> new InvocationCheck(context).arguments(arguments, t, path));
        }
    }

    /** Each workflow parameter needs a value (or a default or a source), within its own enum. */
    private static void workflowArguments(Arguments arguments, String path, SpecContext context) {
        if (arguments == null) {
            return;
        }
        List<ParameterSpec> parameters = arguments.parametersOrEmpty();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSpec parameter = parameters.get(i);
            String parameterPath = YamlPath.index(YamlPath.key(path, "parameters"), i);
            if (parameter == null || parameter.name() == null || parameter.name().isEmpty()) {
                context.add(parameterPath, "workflow parameter has no name");
                continue;
            }
            if (!seen.add(parameter.name())) {
                context.add(YamlPath.key(parameterPath, "name"), "duplicate workflow parameter '" + parameter.name() + "'");
            }
            String value = parameter.value() != null ? parameter.value() : parameter.defaultValue();
            if (value == null && parameter.valueFrom() == null) {
                context.add(parameterPath, "workflow parameter '" + parameter.name()
                        + "' has no value: set value or default, or pass it with -p " + parameter.name() + "=VALUE");
            }
            List<String> allowed = parameter.enumValues();
            if (value != null && allowed != null && !allowed.isEmpty() && !allowed.contains(value)
                    && !value.contains("{{")) {
                context.add(YamlPath.key(parameterPath, parameter.value() != null ? "value" : "default"),
                        "'" + value + "' is not an allowed value of workflow parameter '" + parameter.name()
                                + "': expected one of " + String.join(", ", allowed));
            }
        }
    }

    /** The workflow's own parameters override those of the template it references, by name. */
    private static Arguments merged(Arguments own, Arguments referenced) {
        if (referenced == null) {
            return own;
        }
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec p : referenced.parametersOrEmpty()) {
            if (p != null && p.name() != null) {
                byName.put(p.name(), p);
            }
        }
        if (own != null) {
            for (ParameterSpec p : own.parametersOrEmpty()) {
                if (p != null && p.name() != null) {
                    byName.put(p.name(), p);
                }
            }
        }
        return new Arguments(List.copyOf(byName.values()), own == null ? referenced.artifacts() : own.artifacts());
    }
}
