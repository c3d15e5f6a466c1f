package dev.baton.engine.core.loop;

import dev.baton.engine.core.StoredValue;
import dev.baton.engine.core.scope.JsonText;
import dev.baton.model.spec.IntOrString;
import dev.baton.model.spec.Invocation;
import dev.baton.model.spec.Sequence;

import java.util.ArrayList;
import java.util.List;

/** Expands a step's or task's loop into items; {@code withParam} and sequence fields are already substituted. */
public final class LoopExpansion {
    private LoopExpansion() {
    }

    /** The items, or why there are none. */
    public record Result(List<LoopItem> items, String error) {
        static Result ok(List<LoopItem> items) {
            return new Result(items, null);
        }

        static Result failed(String error) {
            return new Result(List.of(), error);
        }
    }

    public static Result expand(Invocation invocation) {
        if (invocation.withItems() != null) {
            return Result.ok(LoopItem.of(invocation.withItems()));
        }
        if (invocation.withParam() != null) {
            return fromParam(invocation.withParam());
        }
        return fromSequence(invocation.withSequence());
    }

    private static Result fromParam(String text) {
        if (StoredValue.occursIn(text)) {
            return Result.failed("withParam: " + StoredValue.TOO_LARGE_TO_EVALUATE);
        }
        Object parsed;
        try {
            parsed = JsonText.read(text);
        } catch (IllegalArgumentException e) {
            return Result.failed("withParam value could not be parsed as a JSON list: " + text);
        }
        if (parsed instanceof List<?> list) {
            return Result.ok(LoopItem.of(list));
        }
        return Result.failed("withParam value could not be parsed as a JSON list: " + text);
    }

    private static Result fromSequence(Sequence sequence) {
        String format = sequence.format() == null || sequence.format().isEmpty() ? "%d" : sequence.format();
        long start;
        long end;
        try {
            if (sequence.count() != null && sequence.end() != null) {
                return Result.failed("withSequence: only one of count or end can be defined");
            }
            start = number(sequence.start(), 0);
            if (sequence.count() != null) {
                long count = number(sequence.count(), 0);
                if (count <= 0) {
                    return Result.ok(List.of());
                }
                end = start + count - 1;
            } else if (sequence.end() != null) {
                end = number(sequence.end(), 0);
            } else {
                return Result.failed("withSequence: one of count or end must be defined");
            }
        } catch (NumberFormatException e) {
            return Result.failed("withSequence: " + e.getMessage());
        }
        List<LoopItem> items = new ArrayList<>();
        long step = start <= end ? 1 : -1;
        int index = 0;
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            items.add(new LoopItem(index++, GoFormat.sprintf(format, i)));
        }
        return Result.ok(items);
    }

    private static long number(IntOrString value, long fallback) {
        if (value == null || value.text().isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.text().trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + value.text() + "' is not an integer");
        }
    }
}
