package dev.baton.template.validate;

import dev.baton.model.spec.Arguments;
import dev.baton.model.spec.Invocation;
import dev.baton.model.spec.LifecycleHook;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateRef;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.DidYouMean;
import dev.baton.template.yaml.YamlPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a call of a template (a step, a task, a hook): what it names exists, and its arguments fit. */
final class InvocationCheck {
    private final SpecContext context;

    InvocationCheck(SpecContext context) {
        this.context = context;
    }

    /** Checks a step or task and returns the template it calls, when that can be found. */
    Optional<TemplateSpec> check(Invocation invocation, String path) {
        List<String> set = new ArrayList<>();
        if (invocation.template() != null) {
            set.add("template");
        }
        if (invocation.templateRef() != null) {
            set.add("templateRef");
        }
        if (invocation.inline() != null) {
            set.add("inline");
        }
        if (set.isEmpty()) {
            context.add(path, "calls no template: set template, templateRef or inline");
        } else if (set.size() > 1) {
            context.add(path, "sets several of " + String.join(", ", set) + "; use only one");
        }
        Optional<TemplateSpec> callee = Optional.empty();
        if (invocation.template() != null) {
            callee = local(invocation.template(), YamlPath.key(path, "template"));
        } else if (invocation.templateRef() != null) {
            callee = referenced(invocation.templateRef(), YamlPath.key(path, "templateRef"));
        } else if (invocation.inline() != null) {
            new TemplateCheck(context).check(invocation.inline(), YamlPath.key(path, "inline"), true);
            callee = Optional.of(invocation.inline());
        }
        callee.ifPresent(template -> arguments(invocation.arguments(), template, path));
        if (invocation.onExit() != null) {
            local(invocation.onExit(), YamlPath.key(path, "onExit"));
        }
        hooks(invocation.hooks(), YamlPath.key(path, "hooks"));
        return callee;
    }

    void hooks(Map<String, LifecycleHook> hooks, String path) {
        if (hooks == null) {
            return;
        }
        hooks.forEach((name, hook) -> {
            String hookPath = YamlPath.key(path, name);
            if (hook == null) {
                return;
            }
            Optional<TemplateSpec> callee = Optional.empty();
            if (hook.template() != null) {
                callee = local(hook.template(), YamlPath.key(hookPath, "template"));
            } else if (hook.templateRef() != null) {
                callee = referenced(hook.templateRef(), YamlPath.key(hookPath, "templateRef"));
            } else {
                context.add(hookPath, "hook calls no template: set template or templateRef");
            }
            callee.ifPresent(template -> arguments(hook.arguments(), template, hookPath));
        });
    }

    Optional<TemplateSpec> local(String name, String path) {
        if (Tags.isTemplated(name)) {
            return Optional.empty();
        }
        Optional<TemplateSpec> template = context.template(name);
        if (template.isEmpty()) {
            context.add(path, "unknown template '" + name + "'" + DidYouMean.hint(name, context.templateNames()));
        }
        return template;
    }

    private Optional<TemplateSpec> referenced(TemplateRef ref, String path) {
        String kind = TemplateLibrary.kindName(ref.isClusterScope());
        if (ref.name() == null) {
            context.add(path, "templateRef has no name: name the " + kind);
            return Optional.empty();
        }
        if (ref.template() == null) {
            context.add(path, "templateRef has no template: name a template of " + kind + " '" + ref.name() + "'");
            return Optional.empty();
        }
        if (Tags.isTemplated(ref.name()) || Tags.isTemplated(ref.template())) {
            return Optional.empty();
        }
        var spec = context.library().find(ref.name(), ref.isClusterScope());
        if (spec.isEmpty()) {
            context.add(YamlPath.key(path, "name"), "unknown " + kind + " '" + ref.name() + "'"
                    + DidYouMean.hint(ref.name(), context.library().names(ref.isClusterScope()))
                    + libraryHint(ref.isClusterScope()));
            return Optional.empty();
        }
        Optional<TemplateSpec> template = Templates.named(spec.get(), ref.template());
        if (template.isEmpty()) {
            context.add(YamlPath.key(path, "template"), kind + " '" + ref.name() + "' has no template '"
                    + ref.template() + "'" + DidYouMean.hint(ref.template(), Templates.byName(spec.get()).keySet()));
        }
        return template;
    }

    private String libraryHint(boolean clusterScope) {
        return context.library().names(clusterScope).isEmpty()
                ? " (pass the file that defines it together with this one)" : "";
    }

    /** Every input without a value, default or source needs an argument; values must be in the input's enum. */
    void arguments(Arguments arguments, TemplateSpec callee, String path) {
        List<ParameterSpec> given = arguments == null ? List.of() : arguments.parametersOrEmpty();
        String argumentsPath = YamlPath.key(path, "arguments");
        for (ParameterSpec input : callee.inputsOrEmpty().parametersOrEmpty()) {
            if (input == null || input.name() == null) {
                continue;
            }
            Optional<ParameterSpec> argument = given.stream()
                    .filter(p -> p != null && input.name().equals(p.name())).findFirst();
            if (argument.isEmpty() && input.value() == null && input.defaultValue() == null
                    && input.valueFrom() == null) {
                context.add(argumentsPath, "missing argument for input parameter '" + input.name()
                        + "' of template '" + nameOf(callee) + "'");
            }
        }
        for (int i = 0; i < given.size(); i++) {
            ParameterSpec argument = given.get(i);
            if (argument == null || argument.name() == null) {
                continue;
            }
            String argumentPath = YamlPath.index(YamlPath.key(YamlPath.key(path, "arguments"), "parameters"), i);
            callee.inputsOrEmpty().parametersOrEmpty().stream()
                    .filter(input -> input != null && argument.name().equals(input.name()))
                    .findFirst()
                    .ifPresent(input -> enumCheck(argument, input, argumentPath));
        }
    }

    private void enumCheck(ParameterSpec argument, ParameterSpec input, String path) {
        List<String> allowed = input.enumValues();
        String value = argument.value();
        if (allowed == null || allowed.isEmpty() || value == null || Tags.isTemplated(value)) {
            return;
        }
        if (!allowed.contains(value)) {
            context.add(YamlPath.key(path, "value"), "'" + value + "' is not an allowed value of input parameter '"
                    + input.name() + "': expected one of " + String.join(", ", allowed));
        }
    }

    private static String nameOf(TemplateSpec template) {
        return template.name() == null ? "(inline)" : template.name();
    }
}
