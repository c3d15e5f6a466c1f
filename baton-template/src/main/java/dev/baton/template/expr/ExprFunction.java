package dev.baton.template.expr;

import java.util.List;

/** A function callable from an expression with already evaluated arguments. */
@FunctionalInterface
interface ExprFunction {

    Object call(List<Object> args);
}
