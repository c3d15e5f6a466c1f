package dev.baton.driver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The user this Baton process runs as, which decides how steps are kept from privilege. */
record BatonUser(int uid, int gid) {

    static BatonUser current() {
        try {
            Path self = Path.of("/proc/self");
            return new BatonUser((Integer) Files.getAttribute(self, "unix:uid"),
                    (Integer) Files.getAttribute(self, "unix:gid"));
        } catch (IOException | UnsupportedOperationException e) {
            return new BatonUser(-1, -1);
        }
    }

    boolean root() {
        return uid == 0;
    }
}
