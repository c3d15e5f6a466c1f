package dev.baton.template.when;

import dev.baton.template.when.GovaluateNode.Binary;
import dev.baton.template.when.GovaluateNode.Parameter;
import dev.baton.template.when.GovaluateNode.Prefix;
import dev.baton.template.when.GovaluateNode.Value;
import dev.baton.template.when.GovaluateToken.Kind;
import java.util.List;
import java.util.Set;

/** Plans govaluate tokens into a tree with govaluate's precedence levels, all left-associative. */
final class GovaluateParser {

    private record Level(Kind kind, Set<String> symbols) {
    }

    private static final List<Level> LEVELS = List.of(
            new Level(Kind.SEPARATOR, Set.of(",")),
            new Level(Kind.TERNARY, Set.of("?", ":", "??")),
            new Level(Kind.LOGICALOP, Set.of("||")),
            new Level(Kind.LOGICALOP, Set.of("&&")),
            new Level(Kind.COMPARATOR, GovaluateLexer.COMPARATOR),
            new Level(Kind.MODIFIER, Set.of("^", "&", "|")),
            new Level(Kind.MODIFIER, Set.of(">>", "<<")),
            new Level(Kind.MODIFIER, Set.of("+", "-")),
            new Level(Kind.MODIFIER, Set.of("*", "/", "%")),
            new Level(Kind.MODIFIER, Set.of("**")));

    private final List<GovaluateToken> tokens;
    private int pos;

    private GovaluateParser(List<GovaluateToken> tokens) {
        this.tokens = tokens;
    }

    static GovaluateNode plan(List<GovaluateToken> tokens) {
        // like govaluate, tokens left over after one complete expression (possible after ')') are ignored
        return new GovaluateParser(tokens).level(0);
    }

    private GovaluateNode level(int index) {
        if (index == LEVELS.size()) {
            return value();
        }
        Level level = LEVELS.get(index);
        GovaluateNode left = level(index + 1);
        while (pos < tokens.size()) {
            GovaluateToken t = tokens.get(pos);
            if (t.kind() != level.kind() || !level.symbols().contains(String.valueOf(t.value()))) {
                break;
            }
            pos++;
            left = new Binary((String) t.value(), left, level(index + 1));
        }
        return left;
    }

    private GovaluateNode value() {
        if (pos >= tokens.size()) {
            return new Value(null);
        }
        GovaluateToken t = tokens.get(pos++);
        return switch (t.kind()) {
            case CLAUSE -> {
                GovaluateNode inner = level(0);
                pos++;
                yield inner;
            }
            case CLAUSE_CLOSE -> {
                pos--;
                yield new Value(null);
            }
            case VARIABLE -> new Parameter((String) t.value());
            case ACCESSOR -> {
                if (pos < tokens.size() && tokens.get(pos).kind() == Kind.CLAUSE) {
                    value();
                }
                yield new Parameter(((String[]) t.value())[0]);
            }
            case NUMERIC, STRING, PATTERN, BOOLEAN, TIME -> new Value(t.value());
            case PREFIX -> new Prefix((String) t.value(), value());
            default -> throw new GovaluateError("Unable to plan token kind: '" + t.kind() + "', value: '" + t.display() + "'");
        };
    }
}
