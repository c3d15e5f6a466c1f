package dev.baton.template.validate;

import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.DidYouMean;
import dev.baton.template.yaml.YamlPath;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Checks one template: its name, its inputs and the references to them, then its steps or tasks. */
final class TemplateCheck {
    private static final String INPUT_PARAMETERS = "inputs.parameters.";
    private static final String INPUT_ARTIFACTS = "inputs.artifacts.";

    private final SpecContext context;

    TemplateCheck(SpecContext context) {
        this.context = context;
    }

    void check(TemplateSpec template, String path, boolean inline) {
        if (template == null) {
            context.add(path, "empty template");
            return;
        }
        if (!inline) {
            name(template.name(), path);
        }
        List<ParameterSpec> parameters = template.inputsOrEmpty().parametersOrEmpty();
        List<ArtifactSpec> artifacts = template.inputsOrEmpty().artifactsOrEmpty();
        String inputs = YamlPath.key(path, "inputs");
        uniqueNames(parameters, ParameterSpec::name, YamlPath.key(inputs, "parameters"), "input parameter");
        uniqueNames(artifacts, ArtifactSpec::name, YamlPath.key(inputs, "artifacts"), "input artifact");
        inputReferences(template, path, names(parameters, ParameterSpec::name), names(artifacts, ArtifactSpec::name));
        switch (template.kind()) {
            case TemplateKind.Steps steps -> new StepsCheck(context).check(template, steps, path);
            case TemplateKind.Dag dag -> new DagCheck(context).check(template, dag, path);
            case null, default -> {
            }
        }
    }

    private void name(String name, String path) {
        if (name == null || name.isEmpty()) {
            context.add(path, "template has no name");
            return;
        }
        NameRules.fieldNameProblem(name).ifPresent(message -> context.add(YamlPath.key(path, "name"), message));
    }

    private <T> void uniqueNames(List<T> items, Function<T, String> name, String path, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String itemPath = YamlPath.index(path, i);
            String itemName = item == null ? null : name.apply(item);
            if (itemName == null || itemName.isEmpty()) {
                context.add(itemPath, what + " has no name");
                continue;
            }
            NameRules.parameterNameProblem(itemName)
                    .ifPresent(message -> context.add(YamlPath.key(itemPath, "name"), message));
            if (!seen.add(itemName)) {
                context.add(YamlPath.key(itemPath, "name"), "duplicate " + what + " '" + itemName + "'");
            }
        }
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (T item : items) {
            if (item != null && name.apply(item) != null) {
                names.add(name.apply(item));
            }
        }
        return names;
    }

    /** Tags {@code {{inputs.parameters.x}}} and {@code {{inputs.artifacts.x}}} must name declared inputs. */
    private void inputReferences(TemplateSpec template, String path, Set<String> parameters, Set<String> artifacts) {
        TreeStrings.forEach(template, path, (at, value) -> {
            for (String tag : Tags.in(value)) {
                unknownInput(Tags.nameAfter(tag, INPUT_PARAMETERS), parameters, "input parameter", at);
                unknownInput(Tags.nameAfter(tag, INPUT_ARTIFACTS), artifacts, "input artifact", at);
            }
        });
    }

    private void unknownInput(String name, Set<String> declared, String what, String path) {
        if (name == null || declared.contains(name)) {
            return;
        }
        String known = declared.isEmpty() ? " (the template declares no " + what + "s)"
                : DidYouMean.hint(name, declared);
        context.add(path, "unknown " + what + " '" + name + "'" + known);
    }
}
