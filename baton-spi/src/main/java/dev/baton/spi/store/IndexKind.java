package dev.baton.spi.store;

/** What an {@link IndexEntry} points at. */
public enum IndexKind {
    ARTIFACT("artifact"),
    LOG_STDOUT("log-stdout"),
    LOG_STDERR("log-stderr"),
    VALUE("value");

    private final String wireName;

    IndexKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name stored in the database. */
    public String wireName() {
        return wireName;
    }

    public static IndexKind fromWireName(String name) {
        for (IndexKind k : values()) {
            if (k.wireName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown index kind '" + name + "'");
    }
}
