package dev.baton.server.http;

import dev.baton.model.naming.ObjectNames;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the names a URL carries before any handler (or the guard) sees them: a namespace is a DNS-1123 label,
 * an object or node name a DNS-1123 subdomain. Anything else is a 400 naming the parameter.
 */
final class PathNames {
    private PathNames() {
    }

    static void check(Map<String, String> parameters) {
        parameters.forEach((parameter, value) -> problem(parameter, value).ifPresent(problem -> {
            throw new ApiError(400, "Invalid Name", "path parameter '" + parameter + "': " + problem,
                    List.of(Map.of("path", parameter, "line", 0, "column", 0, "message", problem)));
        }));
    }

    private static Optional<String> problem(String parameter, String value) {
        return switch (parameter) {
            case "ns" -> ObjectNames.namespaceProblem(value);
            case "name", "nodeId" -> ObjectNames.nameProblem(value, ObjectNames.SUBDOMAIN_MAX);
            default -> Optional.empty();
        };
    }
}
