package dev.baton.template.expr;

import dev.baton.template.expr.Node.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the static variable paths an expression reads, for validation and late binding. */
final class ReferencedPaths {

    private final Set<String> paths = new LinkedHashSet<>();
    private final Set<String> letNames = new HashSet<>();

    private ReferencedPaths() {
    }

    static List<String> of(Node root) {
        ReferencedPaths collector = new ReferencedPaths();
        collector.visit(root);
        List<String> out = new ArrayList<>();
        for (String p : collector.paths) {
            String first = p.contains(".") ? p.substring(0, p.indexOf('.')) : p;
            if (!collector.letNames.contains(first)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private void visit(Node node) {
        switch (node) {
            case null -> {
            }
            case Identifier id -> {
                if (ArgoFunctions.lookup(id.name()) == null) {
                    paths.add(id.name());
                }
            }
            case Member m -> {
                String path = staticPath(m);
                if (path != null) {
                    if (!path.startsWith("sprig.")) {
                        paths.add(path);
                    }
                } else {
                    visit(m.object());
                    visit(m.property());
                }
            }
            case Chain c -> visit(c.inner());
            case Slice s -> {
                visit(s.object());
                visit(s.from());
                visit(s.to());
            }
            case Call c -> {
                if (c.callee() instanceof Member m) {
                    visit(m.object());
                } else if (!(c.callee() instanceof Identifier)) {
                    visit(c.callee());
                }
                c.arguments().forEach(this::visit);
            }
            case Builtin b -> b.arguments().forEach(this::visit);
            case Predicate p -> visit(p.body());
            case Unary u -> visit(u.operand());
            case Binary b -> {
                visit(b.left());
                visit(b.right());
            }
            case Conditional c -> {
                visit(c.condition());
                visit(c.whenTrue());
                visit(c.whenFalse());
            }
            case ArrayLiteral a -> a.elements().forEach(this::visit);
            case MapLiteral m -> m.pairs().forEach(p -> {
                visit(p.key());
                visit(p.value());
            });
            case Let l -> {
                letNames.add(l.name());
                visit(l.value());
                visit(l.body());
            }
            case Sequence s -> s.nodes().forEach(this::visit);
            case Literal l -> {
            }
            case Pointer p -> {
            }
        }
    }

    /** The dotted path of a member chain rooted at an identifier with string-literal properties, else null. */
    private String staticPath(Member m) {
        if (!(m.property() instanceof Literal lit) || !(lit.value() instanceof String name)) {
            return null;
        }
        Node object = m.object() instanceof Chain c ? c.inner() : m.object();
        if (object instanceof Identifier id) {
            return id.name() + "." + name;
        }
        if (object instanceof Member inner) {
            String prefix = staticPath(inner);
            return prefix == null ? null : prefix + "." + name;
        }
        return null;
    }
}
