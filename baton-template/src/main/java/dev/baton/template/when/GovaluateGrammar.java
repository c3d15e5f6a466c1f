package dev.baton.template.when;

import static dev.baton.template.when.GovaluateToken.Kind.*;

import dev.baton.template.when.GovaluateToken.Kind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** govaluate's token-transition table (lexerState.go): which token kind may follow which. */
final class GovaluateGrammar {

    private record State(boolean canEnd, Set<Kind> next) {
    }

    private static final Map<Kind, State> STATES = new EnumMap<>(Kind.class);

    static {
        Set<Kind> operand = EnumSet.of(MODIFIER, COMPARATOR, LOGICALOP, CLAUSE_CLOSE, TERNARY, SEPARATOR);
        STATES.put(UNKNOWN, new State(false, EnumSet.of(PREFIX, NUMERIC, BOOLEAN, VARIABLE, PATTERN, FUNCTION,
                ACCESSOR, STRING, TIME, CLAUSE)));
        STATES.put(CLAUSE, new State(false, EnumSet.of(PREFIX, NUMERIC, BOOLEAN, VARIABLE, PATTERN, FUNCTION,
                ACCESSOR, STRING, TIME, CLAUSE, CLAUSE_CLOSE)));
        STATES.put(CLAUSE_CLOSE, new State(true, EnumSet.of(COMPARATOR, MODIFIER, NUMERIC, BOOLEAN, VARIABLE,
                STRING, PATTERN, TIME, CLAUSE, CLAUSE_CLOSE, LOGICALOP, TERNARY, SEPARATOR)));
        STATES.put(NUMERIC, new State(true, operand));
        STATES.put(BOOLEAN, new State(true, operand));
        STATES.put(STRING, new State(true, operand));
        STATES.put(VARIABLE, new State(true, operand));
        STATES.put(TIME, new State(true, EnumSet.of(MODIFIER, COMPARATOR, LOGICALOP, CLAUSE_CLOSE, SEPARATOR)));
        STATES.put(PATTERN, new State(true, EnumSet.of(MODIFIER, COMPARATOR, LOGICALOP, CLAUSE_CLOSE, SEPARATOR)));
        STATES.put(MODIFIER, new State(false, EnumSet.of(PREFIX, NUMERIC, VARIABLE, FUNCTION, ACCESSOR, STRING,
                BOOLEAN, CLAUSE, CLAUSE_CLOSE)));
        STATES.put(COMPARATOR, new State(false, EnumSet.of(PREFIX, NUMERIC, BOOLEAN, VARIABLE, FUNCTION, ACCESSOR,
                STRING, TIME, CLAUSE, CLAUSE_CLOSE, PATTERN)));
        STATES.put(LOGICALOP, new State(false, EnumSet.of(PREFIX, NUMERIC, BOOLEAN, VARIABLE, FUNCTION, ACCESSOR,
                STRING, TIME, CLAUSE, CLAUSE_CLOSE)));
        STATES.put(PREFIX, new State(false, EnumSet.of(NUMERIC, BOOLEAN, VARIABLE, FUNCTION, ACCESSOR, CLAUSE,
                CLAUSE_CLOSE)));
        STATES.put(TERNARY, new State(false, EnumSet.of(PREFIX, NUMERIC, BOOLEAN, STRING, TIME, VARIABLE, FUNCTION,
                ACCESSOR, CLAUSE, SEPARATOR)));
        STATES.put(FUNCTION, new State(false, EnumSet.of(CLAUSE)));
        STATES.put(ACCESSOR, new State(true, EnumSet.of(CLAUSE, MODIFIER, COMPARATOR, LOGICALOP, CLAUSE_CLOSE,
                TERNARY, SEPARATOR)));
        STATES.put(SEPARATOR, new State(false, EnumSet.of(PREFIX, NUMERIC, BOOLEAN, STRING, TIME, VARIABLE,
                FUNCTION, ACCESSOR, CLAUSE)));
    }

    private GovaluateGrammar() {
    }

    static boolean canTransition(Kind from, Kind to) {
        return STATES.get(from).next().contains(to);
    }

    static void checkBalance(List<GovaluateToken> tokens) {
        int depth = 0;
        for (GovaluateToken t : tokens) {
            depth += t.kind() == CLAUSE ? 1 : t.kind() == CLAUSE_CLOSE ? -1 : 0;
        }
        if (depth != 0) {
            throw new GovaluateError("Unbalanced parenthesis");
        }
    }

    /** govaluate's checkExpressionSyntax. */
    static void checkSyntax(List<GovaluateToken> tokens) {
        Kind state = UNKNOWN;
        GovaluateToken last = null;
        for (GovaluateToken token : tokens) {
            if (!canTransition(state, token.kind())) {
                if (last != null && last.kind() == VARIABLE && token.kind() == CLAUSE) {
                    throw new GovaluateError("Undefined function " + last.value());
                }
                throw new GovaluateError("Cannot transition token types from " + state + " ["
                        + (last == null ? "<nil>" : last.display()) + "] to " + token.kind() + " [" + token.display() + "]");
            }
            state = token.kind();
            last = token;
        }
        if (!STATES.get(state).canEnd()) {
            throw new GovaluateError("Unexpected end of expression");
        }
    }
}
