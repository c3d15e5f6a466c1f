package dev.baton.template.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds dependency cycles among DAG tasks, each reported once as the path that closes it. */
final class CycleFinder {
    private enum Mark { VISITING, DONE }

    private final Map<String, List<String>> dependencies;
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private final Set<Set<String>> seen = new HashSet<>();

    private CycleFinder(Map<String, List<String>> dependencies) {
        this.dependencies = dependencies;
    }

    /** Cycles such as {@code [A, B, C, A]}: A depends on B, B on C, C on A. Tasks are visited in map order. */
    static List<List<String>> find(Map<String, List<String>> dependencies) {
        CycleFinder finder = new CycleFinder(dependencies);
        for (String task : dependencies.keySet()) {
            finder.visit(task);
        }
        return finder.cycles;
    }

    private void visit(String task) {
        Mark mark = marks.get(task);
        if (mark == Mark.DONE) {
            return;
        }
        if (mark == Mark.VISITING) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(task), stack.size()));
            cycle.add(task);
            if (seen.add(new TreeSet<>(cycle))) {
                cycles.add(cycle);
            }
            return;
        }
        marks.put(task, Mark.VISITING);
        stack.add(task);
        for (String dependency : dependencies.getOrDefault(task, List.of())) {
            if (dependencies.containsKey(dependency)) {
                visit(dependency);
            }
        }
        stack.removeLast();
        marks.put(task, Mark.DONE);
    }
}
