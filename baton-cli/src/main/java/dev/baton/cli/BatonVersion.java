package dev.baton.cli;

import picocli.CommandLine;

/** The version printed by {@code baton --version} and {@code baton version}. */
public final class BatonVersion implements CommandLine.IVersionProvider {
    public static String version() {
        String v = Baton.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"baton " + version() + " (Java " + Runtime.version() + ")"};
    }
}
