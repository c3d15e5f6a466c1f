package dev.baton.driver.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The unprivileged user a step runs as when Baton runs as root: {@code UID[:GID]} or a user name from
 * {@code /etc/passwd}; {@code nobody} is 65534:65534 where the host has no such entry. Root is refused.
 */
record StepUser(int uid, int gid) {
    static final String DEFAULT = "nobody";
    private static final int NOBODY = 65534;

    StepUser {
        if (uid == 0 || gid == 0) {
            throw new IllegalArgumentException(HostDriverSettings.STEP_USER + " must not be root (uid 0 or gid 0),"
                    + " since steps must hold no privilege; name an unprivileged user such as nobody");
        }
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException(HostDriverSettings.STEP_USER + " needs ids of 1 or more, was "
                    + uid + ":" + gid);
        }
    }

    /** Reads a setting value against the host's user database. */
    static StepUser parse(String spec, Path passwd) {
        String value = spec.trim();
        if (value.matches("\\d+(:\\d+)?")) {
            String[] ids = value.split(":");
            int uid = parseId(value, ids[0]);
            return new StepUser(uid, ids.length > 1 ? parseId(value, ids[1]) : uid);
        }
        for (String line : passwdLines(passwd)) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 4 && fields[0].equals(value)) {
                return new StepUser(parseId(value, fields[2]), parseId(value, fields[3]));
            }
        }
        if (value.equals(DEFAULT)) {
            return new StepUser(NOBODY, NOBODY);
        }
        throw new IllegalArgumentException(HostDriverSettings.STEP_USER + "=" + spec
                + " is neither UID[:GID] nor a user in " + passwd);
    }

    private static int parseId(String spec, String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(HostDriverSettings.STEP_USER + "=" + spec + " has an id out of range", e);
        }
    }

    private static List<String> passwdLines(Path passwd) {
        try {
            return Files.readAllLines(passwd, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public String toString() {
        return uid + ":" + gid;
    }
}
