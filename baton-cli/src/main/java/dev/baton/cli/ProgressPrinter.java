package dev.baton.cli;

import dev.baton.engine.core.NodeState;
import dev.baton.engine.core.RunState;
import dev.baton.engine.runtime.RunListener;
import dev.baton.model.run.NodePhase;
import dev.baton.model.run.NodeType;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a run's progress on standard error: on a terminal, the tree of nodes with phase and duration,
 * redrawn in place; otherwise one plain line per node each time its phase changes.
 */
final class ProgressPrinter implements RunListener {
    private static final long REDRAW_MILLIS = 100;
    private static final int MAX_TREE_LINES = 40;
    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private final Map<String, NodePhase> lastPhase = new HashMap<>();
    private int drawnLines;
    private long lastDraw;

    ProgressPrinter(PrintStream out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public void updated(RunState state, List<NodeState> changed) {
        if (terminal) {
            long now = clock.millis();
            if (now - lastDraw >= REDRAW_MILLIS || state.phase().isFinished()) {
                lastDraw = now;
                redraw(state);
            }
            return;
        }
        for (NodeState node : changed) {
            if (node.type() == NodeType.StepGroup || node.type() == NodeType.TaskGroup) {
                continue;
            }
            NodePhase previous = lastPhase.put(node.id(), node.phase());
            if (previous != node.phase() && (node.phase() != NodePhase.Pending)) {
                out.println(plainLine(node));
            }
        }
        out.flush();
    }

    private String plainLine(NodeState node) {
        StringBuilder line = new StringBuilder();
        line.append(node.name()).append(' ').append(node.phase());
        if (node.isFulfilled() && node.startedAt() != null && node.finishedAt() != null) {
            line.append(" (").append(format(Duration.between(node.startedAt(), node.finishedAt()))).append(')');
        }
        if (node.message() != null && node.phase() != NodePhase.Running) {
            line.append(": ").append(node.message());
        }
        return line.toString();
    }

    private void redraw(RunState state) {
        List<String> lines = new ArrayList<>();
        lines.add(state.runName() + "  " + state.phase());
        Map<String, NodeState> byId = new HashMap<>();
        state.nodes().forEach(n -> byId.put(n.id(), n));
        NodeState root = byId.get(state.runName());
        if (root != null) {
            tree(root, byId, "", lines, new java.util.HashSet<>());
        }
        NodeState exit = state.nodeByName(state.runName() + ".onExit");
        if (exit != null) {
            tree(exit, byId, "", lines, new java.util.HashSet<>());
        }
        if (lines.size() > MAX_TREE_LINES) {
            int hidden = lines.size() - MAX_TREE_LINES;
            lines = new ArrayList<>(lines.subList(0, MAX_TREE_LINES));
            lines.add("  … " + hidden + " more nodes (baton get shows them all)");
        }
        StringBuilder frame = new StringBuilder();
        if (drawnLines > 0) {
            frame.append("\033[").append(drawnLines).append("F");
        }
        for (String line : lines) {
            frame.append("\033[2K").append(line).append('\n');
        }
        frame.append("\033[J");
        out.print(frame);
        out.flush();
        drawnLines = lines.size();
    }

    private void tree(NodeState node, Map<String, NodeState> byId, String indent, List<String> lines,
                      java.util.Set<String> seen) {
        if (!seen.add(node.id())) {
            return;
        }
        boolean shown = node.type() != NodeType.StepGroup;
        if (shown) {
            lines.add(indent + symbol(node.phase()) + " " + node.displayName() + "  " + node.phase()
                    + duration(node) + (node.message() != null && node.phase().isFailure() ? "  " + node.message() : ""));
        }
        String childIndent = shown ? indent + "  " : indent;
        for (String childId : node.children()) {
            NodeState child = byId.get(childId);
            if (child != null && node.id().equals(child.boundaryId()) || child != null && child.boundaryId() != null
                    && child.boundaryId().equals(node.boundaryId()) && node.type() == NodeType.StepGroup) {
                tree(child, byId, childIndent, lines, seen);
            } else if (child != null && node.type() != NodeType.Pod) {
                tree(child, byId, childIndent, lines, seen);
            }
        }
    }

    private String duration(NodeState node) {
        if (node.startedAt() == null) {
            return "";
        }
        Instant end = node.finishedAt() != null ? node.finishedAt() : clock.instant();
        return "  " + format(Duration.between(node.startedAt(), end));
    }

    private static String symbol(NodePhase phase) {
        return switch (phase) {
            case Succeeded -> "✔";
            case Failed, Error -> "✖";
            case Skipped, Omitted -> "○";
            case Running -> "●";
            case Pending -> "◌";
        };
    }

    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format("%.1fs", millis / 1000.0);
        }
        return (millis / 60_000) + "m" + (millis / 1000 % 60) + "s";
    }
}
