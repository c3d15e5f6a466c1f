package dev.baton.template.validate;

import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.Problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the checks of one workflow spec share: its templates, the library, and the problems found so far. */
final class SpecContext {
    private final Map<String, TemplateSpec> templates;
    private final TemplateLibrary library;
    private final List<Problem> problems;

    SpecContext(Map<String, TemplateSpec> templates, TemplateLibrary library, List<Problem> problems) {
        this.templates = templates;
        this.library = library;
        this.problems = problems;
    }

    void add(String path, String message) {
        problems.add(Problem.at(path, message));
    }

    Optional<TemplateSpec> template(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    java.util.Set<String> templateNames() {
        return templates.keySet();
    }

    TemplateLibrary library() {
        return library;
    }
}
