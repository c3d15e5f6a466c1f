package dev.baton.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every error the server answers, in one shape: {@code application/problem+json} with type, title, status, detail
 * and a correlation id (also in the {@code X-Correlation-Id} header) under which the server log keeps what the
 * answer leaves out.
 */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final String TYPE_BASE = "https://baton.dev/problems/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProblemResponses() {
    }

    /** Maps exceptions and Javalin's own errors (unknown path, wrong method, body too large) to problems. */
    public static void install(JavalinConfig config) {
        config.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.getMessage(),
                e.problems()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                title(e.getStatus()), defaultDetail(ctx, e.getStatus()), List.of()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String id = correlationId();
            // the answer names no class, library or path: the detail stays in the server log under the id
            System.err.println("baton server: [" + id + "] " + ctx.method() + " " + ctx.path() + " failed:");
            e.printStackTrace();
            write(ctx, id, 500, "Internal Server Error", "the server could not answer this request; its log "
                    + "has the details under correlation id " + id, List.of());
        });
        for (int status : new int[]{400, 404, 405, 413, 500}) {
            config.routes.error(status, ctx -> {
                if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    write(ctx, status, title(status), defaultDetail(ctx, status), List.of());
                }
            });
        }
    }

    /** Writes a problem document as the response, under a new correlation id. */
    public static void write(Context ctx, int status, String title, String detail,
                             List<Map<String, Object>> problems) {
        write(ctx, correlationId(), status, title, detail, problems);
    }

    private static void write(Context ctx, String id, int status, String title, String detail,
                              List<Map<String, Object>> problems) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).header(CORRELATION_HEADER, id)
                    .result(Json.MAPPER.writeValueAsString(body(id, status, title, detail, problems)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem document: RFC 9457's members, the correlation id, and the problems found in a document. */
    static Map<String, Object> body(String id, int status, String title, String detail,
                                    List<Map<String, Object>> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug(title));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", "urn:baton:request:" + id);
        body.put("correlationId", id);
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        return body;
    }

    /** A new id naming one failed request in answers and in the server log. */
    static String correlationId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String defaultDetail(Context ctx, int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
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
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
