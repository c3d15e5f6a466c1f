package dev.baton.spi.store;

import java.util.List;
import java.util.Set;

/** Which blobs each run references; deleting a run removes its entries, so its blobs become garbage. */
public interface ArtifactIndex {

    /** Adds entries; an entry with the same run, node, name and kind as a stored one replaces it. */
    void add(List<IndexEntry> entries);

    /** The run's entries ordered by node id, kind and name. */
    List<IndexEntry> list(String runUid);

    /** Every digest some stored run still references. */
    Set<String> liveDigests();
}
