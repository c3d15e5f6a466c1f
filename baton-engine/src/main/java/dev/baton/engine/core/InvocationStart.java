package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.Arguments;
import dev.baton.model.spec.ArtifactSpec;
import dev.baton.model.spec.Invocation;
import dev.baton.model.spec.ParameterSpec;
import dev.baton.model.spec.TemplateSpec;
import dev.baton.template.subst.Unresolved;
import dev.baton.template.when.WhenCondition;
import dev.baton.template.when.WhenException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one expanded step or task: evaluates its {@code when}, resolves its template, substitutes its
 * arguments in the caller's scope and calls the template.
 */
final class InvocationStart {
    private InvocationStart() {
    }

    /** Where the new node goes and who waits for it. */
    record Placement(String nodeName, String displayName, String parentId, String boundaryId, TemplateHost host,
                     Frame waiter) {
    }

    static void start(Tick tick, Invocation invocation, Scope scope, Placement at) {
        if (invocation.when() != null && !invocation.when().isBlank()) {
            String when;
            try {
                when = Substituter.text(invocation.when(), scope, Unresolved.ERROR);
            } catch (RuntimeException e) {
                placeholder(tick, at, invocation, NodePhase.Error, e.getMessage());
                return;
            }
            if (StoredValue.occursIn(when)) {
                placeholder(tick, at, invocation, NodePhase.Error, "when: " + StoredValue.TOO_LARGE_TO_EVALUATE);
                return;
            }
            boolean proceed;
            try {
                proceed = WhenCondition.evaluate(when);
            } catch (WhenException e) {
                placeholder(tick, at, invocation, NodePhase.Error, e.getMessage());
                return;
            }
            if (!proceed) {
                placeholder(tick, at, invocation, NodePhase.Skipped, "when '" + when + "' evaluated false");
                return;
            }
        }
        TemplateResolver.Resolved resolved = TemplateResolver.resolve(tick.state, at.host(), invocation.template(),
                invocation.templateRef(), invocation.inline());
        if (resolved.failed()) {
            placeholder(tick, at, invocation, NodePhase.Error, resolved.error());
            return;
        }
        Arguments arguments = invocation.argumentsOrNone();
        Substituter.Outcome<List<ParameterSpec>> params = Substituter.apply(withoutAbsent(arguments, scope), scope,
                Unresolved.ERROR);
        if (params instanceof Substituter.Outcome.Failed<List<ParameterSpec>> f) {
            placeholder(tick, at, invocation, NodePhase.Error, f.message());
            return;
        }
        Map<String, ArtifactRef> artifacts = new LinkedHashMap<>();
        for (ArtifactSpec artifact : arguments.artifactsOrEmpty()) {
            if (artifact.from() != null) {
                String text;
                try {
                    text = Substituter.text(artifact.from(), scope, Unresolved.ERROR);
                } catch (RuntimeException e) {
                    if (artifact.isOptional()) {
                        continue;
                    }
                    placeholder(tick, at, invocation, NodePhase.Error, e.getMessage());
                    return;
                }
                ArtifactRef ref = ArtifactTags.decode(text);
                if (ref == null && !artifact.isOptional()) {
                    placeholder(tick, at, invocation, NodePhase.Error,
                            "unable to resolve input artifact '" + artifact.name() + "' from " + artifact.from());
                    return;
                }
                if (ref != null) {
                    artifacts.put(artifact.name(), ref);
                }
            }
        }
        List<ParameterSpec> values = new ArrayList<>(((Substituter.Outcome.Done<List<ParameterSpec>>) params).value());
        Substituter.Outcome<List<ArtifactSpec>> located = Substituter.apply(arguments.artifactsOrEmpty(), scope,
                Unresolved.ERROR);
        if (located instanceof Substituter.Outcome.Failed<List<ArtifactSpec>> f) {
            placeholder(tick, at, invocation, NodePhase.Error, f.message());
            return;
        }
        TemplateSpec template = ArgumentArtifacts.bind(resolved.template(),
                ((Substituter.Outcome.Done<List<ArtifactSpec>>) located).value());
        TemplateInvoker.invoke(tick, new Call(at.nodeName(), at.displayName(), at.parentId(), at.boundaryId(),
                template, resolved.host(), values, artifacts, at.waiter(), null, false));
        tick.state.lifecycleHooks().watchInvocation(invocation, scope, at);
    }

    /**
     * Arguments whose value is nothing but a reference to an absent output (its producer was skipped)
     * are dropped, so the callee's own input default applies (ARGO-SPEC §3.6).
     */
    private static List<ParameterSpec> withoutAbsent(Arguments arguments, Scope scope) {
        List<ParameterSpec> kept = new ArrayList<>();
        for (ParameterSpec p : arguments.parametersOrEmpty()) {
            String tag = soleTag(p.value());
            if (tag == null || !scope.isAbsent(tag)) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static String soleTag(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!v.startsWith("{{") || !v.endsWith("}}") || v.startsWith("{{=") || v.indexOf("{{", 2) >= 0) {
            return null;
        }
        return v.substring(2, v.length() - 2).trim();
    }

    /** A node that never ran: skipped by {@code when}, omitted by {@code depends}, or errored before it started. */
    static NodeState placeholder(Tick tick, Placement at, Invocation invocation, NodePhase phase, String message) {
        String id = tick.state.nodeId(at.nodeName());
        String template = invocation.template() != null ? invocation.template()
                : invocation.templateRef() != null ? invocation.templateRef().template() : null;
        NodeState node = new NodeState(id, at.nodeName(), at.displayName(), NodeType.Skipped, template,
                at.boundaryId());
        tick.createNode(node, at.parentId(), at.waiter());
        node.start(tick.now, NodePhase.Pending);
        tick.finish(node, phase, message);
        return node;
    }
}
