package dev.baton.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every error the server answers, in one shape: {@code application/problem+json} with type, title, status, detail. */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://baton.dev/problems/";

    private ProblemResponses() {
    }

    /** Maps exceptions and Javalin's own errors (unknown path, wrong method, body too large) to problems. */
    public static void install(JavalinConfig config) {
        config.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.getMessage(),
                e.problems()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                title(e.getStatus()), e.getMessage(), List.of()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            e.printStackTrace();
            write(ctx, 500, "Internal Server Error", "the server failed: " + e, List.of());
        });
        for (int status : new int[]{404, 405, 413}) {
            config.routes.error(status, ctx -> {
                if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    write(ctx, status, title(status), defaultDetail(ctx, status), List.of());
                }
            });
        }
    }

    /** Writes a problem document as the response. */
    public static void write(Context ctx, int status, String title, String detail,
                             List<Map<String, Object>> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug(title));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String defaultDetail(Context ctx, int status) {
        return switch (status) {
            case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
            case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the request body is larger than the server accepts";
            default -> title(status);
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
