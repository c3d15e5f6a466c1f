package dev.baton.model.naming;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for object names, namespaces and labels, as its API server enforces them on Argo's objects,
 * plus Argo's shorter limits for workflow and cron workflow names. Each check answers why a value is refused, if it
 * is; the value is quoted with control characters escaped, so a message always fits on one line.
 */
public final class ObjectNames {
    /** Kubernetes: a DNS-1123 subdomain is at most 253 characters. */
    public static final int SUBDOMAIN_MAX = 253;
    /** Kubernetes: a DNS-1123 label (a namespace, a label name or value) is at most 63 characters. */
    public static final int LABEL_MAX = 63;
    /** Argo: workflow, workflow template and cluster workflow template names are at most 63 characters. */
    public static final int ARGO_OBJECT_MAX = 63;
    /** Argo: a cron workflow's name leaves room for the {@code -<unix time>} of the runs it creates. */
    public static final int ARGO_CRON_MAX = 52;
    /** Kubernetes cuts a {@code generateName} to this length before it appends five random characters. */
    public static final int GENERATED_PREFIX_MAX = 58;

    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final int QUOTED_MAX = 40;

    private ObjectNames() {
    }

    /** An object's {@code metadata.name}: a DNS-1123 subdomain, at most {@code max} characters (Argo's limit). */
    public static Optional<String> nameProblem(String name, int max) {
        return subdomainProblem(name, name, Math.min(max, SUBDOMAIN_MAX), "name");
    }

    /** {@code metadata.generateName}: a DNS-1123 subdomain once its trailing dash is masked, as Kubernetes checks it. */
    public static Optional<String> generateNameProblem(String prefix) {
        String masked = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) + "a" : prefix;
        return subdomainProblem(masked, prefix, SUBDOMAIN_MAX, "generateName");
    }

    /** A namespace: a DNS-1123 label. */
    public static Optional<String> namespaceProblem(String namespace) {
        if (namespace.isEmpty()) {
            return Optional.of("invalid namespace '': the namespace is empty");
        }
        if (namespace.length() > LABEL_MAX) {
            return Optional.of("invalid namespace " + quoted(namespace) + ": must not be more than " + LABEL_MAX
                    + " characters long (currently " + namespace.length() + ")");
        }
        if (!LABEL.matcher(namespace).matches()) {
            return Optional.of("invalid namespace " + quoted(namespace) + ": a namespace must consist of lower case"
                    + " alphanumeric characters or '-', and must start and end with an alphanumeric character"
                    + " (e.g. 'team-a')");
        }
        return Optional.empty();
    }

    /** A label or annotation key: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters. */
    public static Optional<String> labelKeyProblem(String key) {
        int slash = key.lastIndexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            Optional<String> problem = subdomainProblem(prefix, prefix, SUBDOMAIN_MAX, "prefix");
            if (problem.isPresent()) {
                return Optional.of("invalid key " + quoted(key) + ": " + problem.get());
            }
        }
        if (name.isEmpty() || name.length() > LABEL_MAX || !QUALIFIED.matcher(name).matches()) {
            return Optional.of("invalid key " + quoted(key) + ": the name part must be 1 to " + LABEL_MAX
                    + " characters of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric"
                    + " (e.g. 'app' or 'example.com/app')");
        }
        return Optional.empty();
    }

    /** A label value: empty, or at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric. */
    public static Optional<String> labelValueProblem(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > LABEL_MAX || !QUALIFIED.matcher(value).matches()) {
            return Optional.of("invalid label value " + quoted(value) + ": a label value must be empty or 1 to "
                    + LABEL_MAX + " characters of alphanumerics, '-', '_' or '.', starting and ending with an"
                    + " alphanumeric");
        }
        return Optional.empty();
    }

    /** Every problem of a label map, by key. */
    public static Map<String, String> labelProblems(Map<String, String> labels) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (labels == null) {
            return problems;
        }
        labels.forEach((key, value) -> labelKeyProblem(key)
                .or(() -> labelValueProblem(value == null ? "" : value))
                .ifPresent(problem -> problems.put(key, problem)));
        return problems;
    }

    /** The name Kubernetes gives an object with this {@code generateName}: the prefix cut to 58 characters, then the suffix. */
    public static String generated(String prefix, String randomSuffix) {
        String kept = prefix.length() > GENERATED_PREFIX_MAX ? prefix.substring(0, GENERATED_PREFIX_MAX) : prefix;
        return kept + randomSuffix;
    }

    /** The value in single quotes, control characters escaped and long values cut, for a one-line message. */
    public static String quoted(String value) {
        StringBuilder text = new StringBuilder("'");
        int shown = Math.min(value.length(), QUOTED_MAX);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                text.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    default -> String.format("\\x%02x", (int) c);
                });
            } else {
                text.append(c);
            }
        }
        return text.append(value.length() > QUOTED_MAX ? "…'" : "'").toString();
    }

    /** {@code shown} is the value as the user wrote it, {@code value} what is checked. */
    private static Optional<String> subdomainProblem(String value, String shown, int max, String what) {
        if (value.isEmpty()) {
            return Optional.of("the " + what + " is empty");
        }
        if (value.length() > max) {
            return Optional.of(what + " " + quoted(shown) + " must not be more than " + max
                    + " characters long (currently " + value.length() + ")");
        }
        if (!SUBDOMAIN.matcher(value).matches()) {
            return Optional.of("invalid " + what + " " + quoted(shown) + ": a lowercase RFC 1123 subdomain must"
                    + " consist of lower case alphanumeric characters, '-' or '.', and must start and end with an"
                    + " alphanumeric character (e.g. 'example.com')");
        }
        return Optional.empty();
    }
}
