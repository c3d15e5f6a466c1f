package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.expr.ExprValues;
import dev.baton.template.subst.Substitution;
import dev.baton.template.subst.Unresolved;

/** Computes the outputs of a steps or DAG template from its children, then fulfils its node. */
final class CompositeOutputs {
    private CompositeOutputs() {
    }

    static void finish(Tick tick, NodeState node, TemplateSpec template, Scope scope, NodePhase phase,
                       String message) {
        if (phase == NodePhase.Succeeded) {
            String error = collect(node, template, scope);
            if (error != null) {
                tick.finish(node, NodePhase.Error, error);
                return;
            }
            OutputExport.toGlobals(tick.state, template, node);
        }
        tick.finish(node, phase, message);
    }

    private static String collect(NodeState node, TemplateSpec template, Scope scope) {
        for (ParameterSpec p : template.outputsOrEmpty().parametersOrEmpty()) {
            ParameterSpec.ValueFrom from = p.valueFrom();
            try {
                String value = valueOf(p, from, scope);
                if (value == null && from != null && from.defaultValue() != null) {
                    value = from.defaultValue();
                }
                if (value != null) {
                    node.outputParameters().put(p.name(), value);
                }
            } catch (RuntimeException e) {
                if (from != null && from.defaultValue() != null) {
                    node.outputParameters().put(p.name(), from.defaultValue());
                } else {
                    return "unable to resolve output parameter '" + p.name() + "': " + e.getMessage();
                }
            }
        }
        for (ArtifactSpec a : template.outputsOrEmpty().artifactsOrEmpty()) {
            String source = a.from() != null ? a.from() : a.fromExpression();
            if (source == null) {
                continue;
            }
            try {
                String text = a.from() != null ? Substituter.text(a.from(), scope, Unresolved.ERROR)
                        : artifactExpression(a.fromExpression(), scope);
                ArtifactRef ref = ArtifactTags.decode(text);
                if (ref != null) {
                    node.outputArtifacts().put(a.name(), ref);
                } else if (!a.isOptional()) {
                    return "unable to resolve output artifact '" + a.name() + "' from " + source;
                }
            } catch (RuntimeException e) {
                if (!a.isOptional()) {
                    return "unable to resolve output artifact '" + a.name() + "': " + e.getMessage();
                }
            }
        }
        return null;
    }

    private static String artifactExpression(String expression, Scope scope) {
        Object value = Substitution.evaluate(Substituter.text(expression, scope, Unresolved.KEEP), scope);
        return value instanceof String s ? s : value == null ? null : ExprValues.toJson(value);
    }

    private static String valueOf(ParameterSpec p, ParameterSpec.ValueFrom from, Scope scope) {
        if (from != null && from.parameter() != null) {
            return Substituter.text(from.parameter(), scope, Unresolved.ERROR);
        }
        if (from != null && from.expression() != null) {
            Object value = Substitution.evaluate(Substituter.text(from.expression(), scope, Unresolved.KEEP), scope);
            return value == null ? null : ExprValues.render(value);
        }
        if (p.value() != null) {
            return Substituter.text(p.value(), scope, Unresolved.ERROR);
        }
        return null;
    }
}
