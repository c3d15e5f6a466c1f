package dev.baton.template.yaml;

import dev.baton.template.Problem;

import java.util.List;

/** A value bound from a tree, with the problems found on the way (paths relative to the tree's root). */
public record Bound<T>(T value, List<Problem> problems) {
    public Bound {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
