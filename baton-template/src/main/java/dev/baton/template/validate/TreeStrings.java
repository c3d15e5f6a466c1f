package dev.baton.template.validate;

import dev.baton.template.yaml.RecordTrees;
import dev.baton.template.yaml.YamlPath;

import java.util.List;
import java.util.Map;

/** Visits every string value of a record (as Argo's tree) with its document path. */
final class TreeStrings {
    /** Receives one string and where it is. */
    interface Visitor {
        void visit(String path, String value);
    }

    private TreeStrings() {
    }

    /** Visits the strings of {@code record}, not descending into {@code inline} templates (they have their own scope). */
    static void forEach(Object record, String path, Visitor visitor) {
        walk(RecordTrees.toTree(record), path, visitor);
    }

    private static void walk(Object tree, String path, Visitor visitor) {
        switch (tree) {
            case String s -> visitor.visit(path, s);
            case Map<?, ?> map -> map.forEach((k, v) -> {
                if (!"inline".equals(k)) {
                    walk(v, YamlPath.key(path, String.valueOf(k)), visitor);
                }
            });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), YamlPath.index(path, i), visitor);
                }
            }
            case null, default -> {
            }
        }
    }
}
