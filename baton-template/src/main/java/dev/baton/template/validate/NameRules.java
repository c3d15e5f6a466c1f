package dev.baton.template.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/** Argo's rules for names of templates, steps and tasks, and of parameters and artifacts. */
final class NameRules {
    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z0-9][-a-zA-Z0-9]*");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[-a-zA-Z0-9_]+");
    static final int MAX_LENGTH = 128;

    private NameRules() {
    }

    /** Why a template, step or task name is not allowed, if it is not. */
    static Optional<String> fieldNameProblem(String name) {
        if (name.length() > MAX_LENGTH) {
            return Optional.of("name '" + name.substring(0, 20) + "…' is longer than " + MAX_LENGTH + " characters");
        }
        if (!FIELD_NAME.matcher(name).matches()) {
            return Optional.of("invalid name '" + name + "': a name must consist of alpha-numeric characters or '-',"
                    + " and must start with an alpha-numeric character");
        }
        return Optional.empty();
    }

    static Optional<String> parameterNameProblem(String name) {
        if (!PARAMETER_NAME.matcher(name).matches()) {
            return Optional.of("invalid name '" + name + "': a parameter or artifact name must consist of"
                    + " alpha-numeric characters, '_' or '-'");
        }
        return Optional.empty();
    }
}
