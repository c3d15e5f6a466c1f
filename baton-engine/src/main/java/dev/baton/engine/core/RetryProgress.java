package dev.baton.engine.core;

import dev.baton.engine.core.invoke.Substituter;
import dev.baton.engine.core.scope.Scope;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;
import dev.baton.model.spec.GoDuration;
import dev.baton.model.spec.RetryStrategy;
import dev.baton.template.subst.Substitution;
import dev.baton.template.subst.Unresolved;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A Retry node: runs attempts {@code name(0)}, {@code name(1)}, … until one succeeds or the strategy says stop. */
final class RetryProgress implements Frame {
    static final String NO_MORE_RETRIES = "No more retries left";
    private static final String TIMER = "retry";

    private final Call call;
    private final RetryStrategy strategy;
    private final NodeState node;
    private final Scope scope;
    private final Long limit;
    private int attempts;
    private Instant firstStart;

    private RetryProgress(Call call, RetryStrategy strategy, NodeState node, Scope scope, Long limit) {
        this.call = call;
        this.strategy = strategy;
        this.node = node;
        this.scope = scope;
        this.limit = limit;
    }

    static void start(Tick tick, Call call, RetryStrategy strategy) {
        NodeState node = TemplateInvoker.newNode(tick, call, NodeType.Retry);
        node.start(tick.now, NodePhase.Running);
        Map<String, String> inputs = dev.baton.engine.core.invoke.InputBinder.bind(call.template(), call.arguments())
                .values();
        node.inputParameters(inputs);
        Scope scope = TemplateInvoker.templateScope(tick, call, inputs);
        Long limit = null;
        if (strategy.limit() != null) {
            String text = Substituter.text(strategy.limit().text(), scope, Unresolved.KEEP);
            try {
                limit = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                tick.finish(node, NodePhase.Error, "retryStrategy.limit '" + text + "' is not an integer");
                return;
            }
        }
        RetryProgress progress = new RetryProgress(call, strategy, node, scope, limit);
        progress.firstStart = tick.now;
        progress.nextAttempt(tick, Scope.root());
    }

    private void nextAttempt(Tick tick, Scope lastRetry) {
        int index = attempts++;
        Scope extra = lastRetry.put("retries", Integer.toString(index));
        TemplateInvoker.invoke(tick, call.withNames(call.nodeName() + "(" + index + ")",
                call.displayName() + "(" + index + ")", node.id(), this, extra, true));
    }

    @Override
    public void childFinished(Tick tick, NodeState attempt) {
        if (attempt.exitCode() != null) {
            node.exitCode(attempt.exitCode());
        }
        if (attempt.phase() == NodePhase.Succeeded || attempt.phase() == NodePhase.Skipped) {
            node.outputParameters().putAll(attempt.outputParameters());
            node.outputArtifacts().putAll(attempt.outputArtifacts());
            node.result(attempt.result());
            tick.finish(node, attempt.phase(), null);
            return;
        }
        Scope lastRetry = Scope.root()
                .put("lastRetry.exitCode", attempt.exitCode() == null ? "-1" : attempt.exitCode())
                .put("lastRetry.status", attempt.phase().name())
                .put("lastRetry.message", attempt.message() == null ? "" : attempt.message())
                .put("lastRetry.duration", durationSeconds(attempt));
        String refusal = refusal(tick, attempt, lastRetry);
        if (refusal != null) {
            tick.finish(node, attempt.phase(), refusal);
            return;
        }
        Duration wait = backoff();
        if (wait.isZero() || wait.isNegative()) {
            nextAttempt(tick, lastRetry);
            return;
        }
        tick.state.timers().put(node.id() + "/" + TIMER, t -> nextAttempt(t, lastRetry));
        tick.emit(new Effect.ScheduleTimer(node.id(), TIMER, tick.now.plus(wait)));
    }

    /** Why no further attempt is made, or null to retry. */
    private String refusal(Tick tick, NodeState attempt, Scope lastRetry) {
        if (tick.state.shuttingDown()) {
            return attempt.message();
        }
        if (limit != null && attempts > limit) {
            return NO_MORE_RETRIES;
        }
        String policy = strategy.retryPolicy() != null ? strategy.retryPolicy()
                : strategy.expression() != null ? "Always" : "OnFailure";
        boolean allowed = switch (policy) {
            case "Always" -> true;
            case "OnError" -> attempt.phase() == NodePhase.Error;
            case "OnTransientError" -> attempt.phase() == NodePhase.Error && isTransient(attempt.message());
            default -> attempt.phase() == NodePhase.Failed;
        };
        if (!allowed) {
            return attempt.message();
        }
        if (strategy.expression() != null) {
            Scope exprScope = scope.child();
            for (String name : lastRetry.names()) {
                exprScope.put(name, lastRetry.get(name));
            }
            Object verdict;
            try {
                String expression = Substituter.text(strategy.expression(), exprScope, Unresolved.KEEP);
                verdict = Substitution.evaluate(expression, exprScope);
            } catch (RuntimeException e) {
                return "retryStrategy.expression '" + strategy.expression() + "' failed: " + e.getMessage();
            }
            if (!Boolean.TRUE.equals(verdict)) {
                return NO_MORE_RETRIES;
            }
        }
        if (strategy.backoff() != null && strategy.backoff().maxDuration() != null) {
            Duration max = GoDuration.parse(strategy.backoff().maxDuration()).orElse(null);
            if (max != null && Duration.between(firstStart, tick.now).plus(backoff()).compareTo(max) > 0) {
                return "Backoff would exceed max duration limit";
            }
        }
        return null;
    }

    private Duration backoff() {
        RetryStrategy.Backoff b = strategy.backoff();
        if (b == null || b.duration() == null) {
            return Duration.ZERO;
        }
        Duration base = GoDuration.parse(b.duration().text()).orElse(Duration.ZERO);
        double factor = 1;
        if (b.factor() != null) {
            try {
                factor = Double.parseDouble(b.factor().text());
            } catch (NumberFormatException e) {
                factor = 1;
            }
        }
        double millis = base.toMillis() * Math.pow(factor, Math.max(0, attempts - 1));
        Duration wait = Duration.ofMillis((long) millis);
        if (b.cap() != null) {
            Duration cap = GoDuration.parse(b.cap()).orElse(null);
            if (cap != null && wait.compareTo(cap) > 0) {
                wait = cap;
            }
        }
        return wait;
    }

    private static boolean isTransient(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("timeout") || m.contains("connection") || m.contains("temporar") || m.contains("unavailable");
    }

    private static String durationSeconds(NodeState n) {
        if (n.startedAt() == null || n.finishedAt() == null) {
            return "0";
        }
        return Long.toString(Duration.between(n.startedAt(), n.finishedAt()).toSeconds());
    }
}
