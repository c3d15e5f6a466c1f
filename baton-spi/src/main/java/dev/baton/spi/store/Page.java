package dev.baton.spi.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextCursor pass to the query's {@code after} for the next page; null when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
