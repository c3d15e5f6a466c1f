package dev.baton.server.auth;

import java.util.Locale;

/** What a token may do within its namespace (or every namespace, for {@code *}). */
public enum Role {
    /** Reads. */
    VIEWER,
    /** Reads, submits, controls and deletes workflows; writes templates and cron workflows. */
    EDITOR,
    /** Everything, including cluster workflow templates. */
    ADMIN;

    public boolean allows(Action action) {
        return switch (action) {
            case READ -> true;
            case WRITE -> this != VIEWER;
            case ADMIN -> this == ADMIN;
        };
    }

    /** The name used on the command line and in the store. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code viewer}, {@code editor} or {@code admin}. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be viewer, editor or admin, not '" + text + "'");
    }
}
