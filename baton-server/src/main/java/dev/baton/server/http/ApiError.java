package dev.baton.server.http;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, answered as {@code application/problem+json} (RFC 9457) with the status,
 * a title, a detail for people and, for invalid documents, every problem found.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Map<String, Object>> problems;

    public ApiError(int status, String title, String detail, List<Map<String, Object>> problems) {
        super(detail);
        this.status = status;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    public ApiError(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Map<String, Object>> problems() {
        return problems;
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, "Bad Request", detail);
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, "Not Found", detail);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, "Conflict", detail);
    }

    public static ApiError notImplemented(String detail) {
        return new ApiError(501, "Not Implemented", detail);
    }
}
