package dev.baton.template.yaml;

import dev.baton.template.Problem;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one document's plain tree (maps, lists, {@link YamlScalar}s) straight from parser events,
 * recording where each path starts. It keeps its own stack, counts nodes as aliases would expand them
 * and stops at the first broken limit, so hostile documents cost little time or memory.
 */
final class EventTreeBuilder {
    /** Thrown to abandon a document that breaks a limit. */
    static final class LimitBroken extends RuntimeException {
        final transient Mark mark;

        LimitBroken(Mark mark, String message) {
            super(message, null, false, false);
            this.mark = mark;
        }
    }

    /** An open sequence or mapping; for a mapping, the key waiting for its value. */
    private static final class Frame {
        final String path;
        final String anchor;
        final int firstNode;
        final List<Object> items;
        final Map<String, Object> entries;
        final List<Object> merges = new ArrayList<>();
        /** This collection is a key, which is not allowed; it is read and dropped. */
        boolean discarded;
        /** The value after a dropped key is dropped too. */
        boolean skipValue;
        String key;
        boolean merging;

        Frame(String path, String anchor, int firstNode, boolean mapping) {
            this.path = path;
            this.anchor = anchor;
            this.firstNode = firstNode;
            this.items = mapping ? null : new ArrayList<>();
            this.entries = mapping ? new LinkedHashMap<>() : null;
        }

        Object value() {
            return items != null ? items : entries;
        }

        boolean wantsKey() {
            return entries != null && key == null && !merging;
        }
    }

    /** An anchored value and how many nodes it stands for. */
    private record Anchored(Object value, int nodes) {
    }

    private static final Resolver RESOLVER = new Resolver();

    private final ReadLimits limits;
    private final SourceMap sources = new SourceMap();
    private final List<Problem> problems = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private Object root;
    private boolean hasRoot;
    private int nodes;
    private int aliases;

    EventTreeBuilder(ReadLimits limits) {
        this.limits = limits;
    }

    SourceMap sources() {
        return sources;
    }

    /** Problems found so far, with line and column but no file. */
    List<Problem> problems() {
        return problems;
    }

    boolean hasRoot() {
        return hasRoot;
    }

    Object root() {
        return root;
    }

    void accept(Event event) {
        switch (event) {
            case ScalarEvent scalar -> scalar(scalar);
            case AliasEvent alias -> alias(alias);
            case CollectionStartEvent start -> start(start);
            default -> {
                if (event.is(Event.ID.SequenceEnd) || event.is(Event.ID.MappingEnd)) {
                    end();
                }
            }
        }
    }

    private void scalar(ScalarEvent event) {
        count(event.getStartMark());
        String tagText = event.getTag();
        Tag tag = tagText == null || tagText.equals("!")
                ? RESOLVER.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                : new Tag(tagText);
        Object value = ScalarValues.of(event.getValue(), tag);
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), new Anchored(value, 1));
        }
        Frame parent = stack.peek();
        if (parent != null && parent.wantsKey()) {
            key(parent, event.getValue(), tag, event.getStartMark());
            return;
        }
        attach(value, event.getStartMark(), true);
    }

    private void alias(AliasEvent event) {
        Anchored anchored = anchors.get(event.getAnchor());
        Mark mark = event.getStartMark();
        if (anchored == null) {
            throw new LimitBroken(mark, "alias *" + event.getAnchor() + " names no earlier anchor"
                    + " (an alias cannot refer to the node that contains it)");
        }
        if (anchored.value() instanceof Map || anchored.value() instanceof List) {
            if (++aliases > limits.maxAliases()) {
                throw new LimitBroken(mark, "the document expands more than " + limits.maxAliases()
                        + " aliases to collections (limit on alias expansion)");
            }
        }
        nodes += anchored.nodes();
        if (nodes > limits.maxNodes()) {
            throw new LimitBroken(mark, "aliases expand the document to more than " + limits.maxNodes()
                    + " nodes (limit on alias expansion)");
        }
        Frame parent = stack.peek();
        if (parent != null && parent.wantsKey()) {
            Object value = anchored.value();
            if (value instanceof YamlScalar scalar) {
                key(parent, scalar.text(), Tag.STR, mark);
            } else {
                problems.add(at(mark, parent.path, "a key must be plain text"));
                parent.key = "";
                parent.skipValue = true;
            }
            return;
        }
        attach(anchored.value(), mark, true);
    }

    private void start(CollectionStartEvent event) {
        Mark mark = event.getStartMark();
        count(mark);
        if (stack.size() >= limits.maxDepth()) {
            throw new LimitBroken(mark, "the document nests deeper than " + limits.maxDepth()
                    + " levels (limit on nesting depth)");
        }
        Frame parent = stack.peek();
        boolean mapping = event instanceof MappingStartEvent;
        String path;
        boolean discarded = false;
        if (parent == null) {
            path = "";
            sources.put("", position(mark));
        } else if (parent.wantsKey()) {
            problems.add(at(mark, parent.path, "a key must be plain text, found a " + (mapping ? "mapping" : "list")));
            path = parent.path;
            discarded = true;
        } else if (parent.items != null) {
            path = YamlPath.index(parent.path, parent.items.size());
            sources.put(path, position(mark));
        } else {
            path = parent.merging ? parent.path : YamlPath.key(parent.path, parent.key);
        }
        Frame frame = new Frame(path, event.getAnchor(), nodes, mapping);
        frame.discarded = discarded;
        stack.push(frame);
    }

    private void end() {
        Frame frame = stack.pop();
        for (Object merge : frame.merges) {
            mergeInto(frame, merge);
        }
        Object value = frame.value();
        if (frame.anchor != null) {
            anchors.put(frame.anchor, new Anchored(value, nodes - frame.firstNode + 1));
        }
        Frame parent = stack.peek();
        if (frame.discarded && parent != null) {
            parent.key = "";
            parent.skipValue = true;
            return;
        }
        attach(value, null, false);
    }

    private void key(Frame frame, String text, Tag tag, Mark mark) {
        if (tag.equals(Tag.MERGE)) {
            frame.merging = true;
            return;
        }
        String path = YamlPath.key(frame.path, text);
        if (frame.entries.containsKey(text)) {
            problems.add(at(mark, path, "duplicate key '" + text + "'"));
        }
        sources.put(path, position(mark));
        frame.key = text;
    }

    private void attach(Object value, Mark mark, boolean record) {
        Frame parent = stack.peek();
        if (parent == null) {
            root = value;
            hasRoot = true;
            return;
        }
        if (parent.items != null) {
            if (record && mark != null) {
                sources.put(YamlPath.index(parent.path, parent.items.size()), position(mark));
            }
            parent.items.add(value);
        } else if (parent.merging) {
            parent.merges.add(value);
            parent.merging = false;
        } else {
            if (!parent.skipValue) {
                parent.entries.put(parent.key, value);
            }
            parent.key = null;
            parent.skipValue = false;
        }
    }

    private void mergeInto(Frame frame, Object merge) {
        List<?> sourcesToMerge = merge instanceof List<?> list ? list : List.of(merge == null ? Map.of() : merge);
        for (Object source : sourcesToMerge) {
            if (source instanceof Map<?, ?> map) {
                map.forEach((k, v) -> frame.entries.putIfAbsent((String) k, v));
            } else {
                problems.add(Problem.at(frame.path, "a merge key '<<' must name a mapping"));
            }
        }
    }

    private void count(Mark mark) {
        nodes++;
        checkNodes(mark);
    }

    private void checkNodes(Mark mark) {
        if (nodes > limits.maxNodes()) {
            throw new LimitBroken(mark, "the document has more than " + limits.maxNodes()
                    + " nodes (limit on document size)");
        }
    }

    private static Problem at(Mark mark, String path, String message) {
        SourceMap.Position position = position(mark);
        return new Problem("", path, position.line(), position.column(), message);
    }

    static SourceMap.Position position(Mark mark) {
        return mark == null ? SourceMap.Position.UNKNOWN
                : new SourceMap.Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
