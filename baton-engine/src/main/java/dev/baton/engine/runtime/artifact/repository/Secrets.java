package dev.baton.engine.runtime.artifact.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves the secrets workflows name ({@code accessKeySecret: {name: my-s3, key: accessKey}}): the environment
 * variable {@code BATON_SECRET_MY_S3_ACCESSKEY} first, then the file {@code $BATON_HOME/secrets/my-s3/accessKey}.
 */
public final class Secrets {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._-]+");
    private final Map<String, String> environment;
    private final Path directory;

    public Secrets(Map<String, String> environment, Path directory) {
        this.environment = environment;
        this.directory = directory;
    }

    /** The environment variable that holds a secret's value. */
    public static String variable(SecretRef ref) {
        return "BATON_SECRET_" + normalise(ref.name()) + "_" + normalise(ref.key());
    }

    /**
     * The secret's value, trailing newline removed.
     *
     * @throws IllegalArgumentException naming the secret and both places it was looked for
     */
    public String value(SecretRef ref) throws IOException {
        String fromEnvironment = environment.get(variable(ref));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        if (PART.matcher(ref.name()).matches() && PART.matcher(ref.key()).matches()
                && !ref.name().startsWith(".") && !ref.key().startsWith(".")) {
            Path file = directory.resolve(ref.name()).resolve(ref.key());
            if (Files.isRegularFile(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            }
        }
        throw new IllegalArgumentException("secret '" + ref.name() + "' key '" + ref.key() + "' is not set: set "
                + variable(ref) + " or write it to the file secrets/" + ref.name() + "/" + ref.key()
                + " under BATON_HOME");
    }

    private static String normalise(String part) {
        return part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
