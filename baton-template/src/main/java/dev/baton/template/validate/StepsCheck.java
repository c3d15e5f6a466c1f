package dev.baton.template.validate;

import dev.baton.model.spec.StepSpec;
import dev.baton.model.spec.TemplateKind;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.DidYouMean;
import dev.baton.template.yaml.YamlPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a steps template: step names, what each step calls, and that steps only use earlier groups. */
final class StepsCheck {
    private static final String STEPS = "steps.";

    private final SpecContext context;

    StepsCheck(SpecContext context) {
        this.context = context;
    }

    void check(TemplateSpec template, TemplateKind.Steps steps, String path) {
        String stepsPath = YamlPath.key(path, "steps");
        List<List<StepSpec>> groups = steps.groups() == null ? List.of() : steps.groups();
        Map<String, Integer> groupOf = names(groups, stepsPath);
        InvocationCheck invocations = new InvocationCheck(context);
        for (int g = 0; g < groups.size(); g++) {
            List<StepSpec> group = groups.get(g) == null ? List.of() : groups.get(g);
            for (int s = 0; s < group.size(); s++) {
                StepSpec step = group.get(s);
                String stepPath = YamlPath.index(YamlPath.index(stepsPath, g), s);
                if (step == null) {
                    continue;
                }
                invocations.check(step, stepPath);
                references(step, stepPath, g, groupOf);
            }
        }
        outputReferences(template, path, groupOf);
    }

    private Map<String, Integer> names(List<List<StepSpec>> groups, String stepsPath) {
        Map<String, Integer> groupOf = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<StepSpec> group = groups.get(g) == null ? List.of() : groups.get(g);
            for (int s = 0; s < group.size(); s++) {
                StepSpec step = group.get(s);
                String stepPath = YamlPath.index(YamlPath.index(stepsPath, g), s);
                if (step == null || step.name() == null || step.name().isEmpty()) {
                    context.add(stepPath, "step has no name");
                    continue;
                }
                NameRules.fieldNameProblem(step.name())
                        .ifPresent(message -> context.add(YamlPath.key(stepPath, "name"), message));
                if (groupOf.putIfAbsent(step.name(), g) != null) {
                    context.add(YamlPath.key(stepPath, "name"), "duplicate step name '" + step.name() + "'");
                }
            }
        }
        return groupOf;
    }

    /** {@code {{steps.X…}}} in a step must name a step of an earlier group (its own hooks may name itself). */
    private void references(StepSpec step, String stepPath, int group, Map<String, Integer> groupOf) {
        String hooksPath = YamlPath.key(stepPath, "hooks");
        TreeStrings.forEach(step, stepPath, (at, value) -> {
            for (String tag : Tags.in(value)) {
                String name = Tags.nameAfter(tag, STEPS);
                if (name == null || tag.equals("steps.name") && !groupOf.containsKey("name")) {
                    continue;
                }
                Integer referenced = groupOf.get(name);
                if (referenced == null) {
                    context.add(at, "unknown step '" + name + "'" + DidYouMean.hint(name, groupOf.keySet()));
                } else if (referenced > group) {
                    context.add(at, "step '" + name + "' runs in a later group; a step can only use steps of"
                            + " earlier groups");
                } else if (referenced == group && !(name.equals(step.name()) && at.startsWith(hooksPath))) {
                    context.add(at, "step '" + name + "' runs in the same group; a step can only use steps of"
                            + " earlier groups");
                }
            }
        });
    }

    private void outputReferences(TemplateSpec template, String path, Map<String, Integer> groupOf) {
        if (template.outputs() == null) {
            return;
        }
        TreeStrings.forEach(template.outputs(), YamlPath.key(path, "outputs"), (at, value) -> {
            for (String tag : Tags.in(value)) {
                String name = Tags.nameAfter(tag, STEPS);
                if (name != null && !groupOf.containsKey(name)) {
                    context.add(at, "unknown step '" + name + "'" + DidYouMean.hint(name, groupOf.keySet()));
                }
            }
        });
    }
}
