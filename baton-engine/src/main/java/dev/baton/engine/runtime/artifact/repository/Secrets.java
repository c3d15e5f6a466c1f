package dev.baton.engine.runtime.artifact.repository;

import dev.baton.model.naming.ObjectNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the secrets a workflow names ({@code accessKeySecret: {name: my-s3, key: accessKey}}) for the namespace
 * it runs in, and for no other: the variable {@code BATON_SECRET_MY_S3_ACCESSKEY} when
 * {@code BATON_SECRET_MY_S3_NAMESPACES} (comma-separated, default {@code default}, {@code *} for all) lists the
 * namespace, else the file {@code $BATON_HOME/secrets/<namespace>/my-s3/accessKey}. Namespace {@code default}
 * also reads the older layout {@code secrets/my-s3/accessKey}.
 */
public final class Secrets {
    /** The namespace a variable is granted to when its {@code _NAMESPACES} variable is not set. */
    public static final String DEFAULT_NAMESPACE = "default";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,252}");
    private final Map<String, String> environment;
    private final Path directory;
    private final String namespace;

    /**
     * @param directory {@code $BATON_HOME/secrets}
     * @param namespace the namespace of the run whose secrets these are
     */
    public Secrets(Map<String, String> environment, Path directory, String namespace) {
        this.environment = environment;
        this.directory = directory;
        this.namespace = namespace;
    }

    /** The environment variable that holds a secret's value. */
    public static String variable(SecretRef ref) {
        return "BATON_SECRET_" + normalise(ref.name()) + "_" + normalise(ref.key());
    }

    /** The environment variable that lists the namespaces a secret's variables are granted to. */
    public static String grant(SecretRef ref) {
        return "BATON_SECRET_" + normalise(ref.name()) + "_NAMESPACES";
    }

    /**
     * The secret's value, trailing newline removed.
     *
     * @throws IllegalArgumentException naming the secret and where to put it for this namespace; never what other
     *                                  namespaces hold, nor a path on this machine
     */
    public String value(SecretRef ref) throws IOException {
        String fromEnvironment = environment.get(variable(ref));
        if (fromEnvironment != null && granted(ref)) {
            return fromEnvironment;
        }
        Optional<Path> file = file(ref);
        if (file.isPresent()) {
            String text = Files.readString(file.get(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
        String where = valid(ref) ? "write it to the file secrets/" + namespace + "/" + ref.name() + "/" + ref.key()
                + " under BATON_HOME, or set " : "a name or key with characters other than letters, digits, '.', '_'"
                + " and '-' (or starting with '.') cannot be a file; set ";
        throw new IllegalArgumentException("secret '" + ref.name() + "' key '" + ref.key() + "' is not set for"
                + " namespace " + namespace + ": " + where + variable(ref) + " and list " + namespace + " in "
                + grant(ref));
    }

    private boolean granted(SecretRef ref) {
        if (variable(ref).equals(grant(ref))) {
            return false;  // a key named "namespaces": its variable is the grant itself
        }
        String listed = environment.getOrDefault(grant(ref), DEFAULT_NAMESPACE);
        return Arrays.stream(listed.split(",")).map(String::trim).anyMatch(n -> n.equals(namespace) || n.equals("*"));
    }

    private boolean valid(SecretRef ref) {
        return ObjectNames.namespaceProblem(namespace).isEmpty() && PART.matcher(ref.name()).matches()
                && PART.matcher(ref.key()).matches();
    }

    /** The secret's file, only if it really lies (links resolved) in this namespace's own directory. */
    private Optional<Path> file(SecretRef ref) throws IOException {
        if (!valid(ref)) {
            return Optional.empty();
        }
        Optional<Path> own = inside(directory.resolve(namespace), directory.resolve(namespace).resolve(ref.name())
                .resolve(ref.key()));
        if (own.isPresent() || !namespace.equals(DEFAULT_NAMESPACE)) {
            return own;
        }
        // the layout before namespaces: a file directly in secrets/<name>/, nowhere deeper
        return inside(directory.resolve(ref.name()), directory.resolve(ref.name()).resolve(ref.key()))
                .filter(real -> {
                    try {
                        return real.getParent().equals(directory.resolve(ref.name()).toRealPath());
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static Optional<Path> inside(Path root, Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isDirectory(root)) {
            return Optional.empty();
        }
        Path real = file.toRealPath();
        return real.startsWith(root.toRealPath()) ? Optional.of(real) : Optional.empty();
    }

    private static String normalise(String part) {
        return part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
