package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Speaks to a Baton server over HTTP with its bearer token, and turns every way a request can fail (no server,
 * 401, 403, 404, 409, 413, 400 with problems, 501) into one {@link RemoteFailure} naming the server.
 */
public final class ServerClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private final ServerTarget target;
    private final HttpClient http;

    public ServerClient(ServerTarget target) {
        this.target = target;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A YAML document sent as it is, so that the line numbers of the server's problems are the file's. */
    public record Yaml(String text) {
    }

    public ServerTarget target() {
        return target;
    }

    /** What to do with each line of a streamed answer; false stops reading. */
    public interface LineHandler {
        boolean accept(String line);
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body == null ? JSON.createObjectNode() : body);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    /** Sends a JSON body (or none) and reads a JSON answer; any status but 2xx is a {@link RemoteFailure}. */
    public JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = request(path).timeout(REQUEST_TIMEOUT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body instanceof Yaml yaml) {
            request.header("Content-Type", "application/yaml").method(method,
                    HttpRequest.BodyPublishers.ofString(yaml.text()));
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json(body)));
        }
        HttpResponse<String> response = exchange(method, path, request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw failure(method, path, response.statusCode(), response.body(), body instanceof Yaml);
        }
        try {
            String text = response.body();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new RemoteFailure("server " + target + " answered " + method + " " + path
                    + " with something that is not JSON", 1);
        }
    }

    /** Reads a streamed answer (newline-delimited JSON or Server-Sent Events) line by line as it arrives. */
    public void stream(String path, LineHandler handler) {
        HttpRequest request = request(path).GET().build();
        HttpResponse<Stream<String>> response = exchange("GET", path, request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                throw failure("GET", path, response.statusCode(), String.join("\n", lines.toList()), false);
            }
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                if (!handler.accept(it.next())) {
                    return;
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new RemoteFailure("server " + target + " closed the stream of " + path + ": "
                    + e.getCause().getMessage(), 1);
        }
    }

    /** A path segment or query value, encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.base() + path))
                .header("Accept", "application/json");
        if (target.token() != null) {
            builder.header("Authorization", "Bearer " + target.token());
        }
        return builder;
    }

    private <T> HttpResponse<T> exchange(String method, String path, HttpRequest request,
                                         HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new RemoteFailure("cannot reach server " + target + ": " + reason(e)
                    + " (is baton server running there?)", 1);
        } catch (HttpTimeoutException e) {
            throw new RemoteFailure("server " + target + " did not answer " + method + " " + path + " within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", 1);
        } catch (IOException e) {
            throw new RemoteFailure("talking to server " + target + " failed: " + reason(e), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure("interrupted while waiting for server " + target, 1);
        }
    }

    /** Why a connection failed, in words: the host is unknown, nothing listens, or the system's message. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no answer to the connection within 10 s";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /**
     * One line naming the server and the problem; the problem list of a 400 follows on further lines, with line
     * numbers only when they are the file's ({@code fileLines}: the file was sent as it is).
     */
    RemoteFailure failure(String method, String path, int status, String body, boolean fileLines) {
        JsonNode problem = problem(body);
        String detail = problem.path("detail").asText("");
        String where = "server " + target;
        String message = switch (status) {
            case 400 -> problem.path("problems").isEmpty()
                    ? where + " rejected the request (400 " + problem.path("title").asText("Bad Request") + "): "
                    + detail
                    : where + " rejected the workflow (400 " + problem.path("title").asText("Bad Request") + "), "
                    + problem.path("problems").size() + " problem(s):" + problems(problem.path("problems"), fileLines);
            case 401 -> where + " refused the token (401 Unauthorized): " + detail
                    + (target.token() == null ? " (no token is set: say --token or set BATON_TOKEN)" : "");
            case 403 -> where + " forbids this (403 Forbidden): " + detail;
            case 404 -> unknownEndpoint(detail)
                    ? where + " does not support " + method + " " + path + " (404: no such endpoint); "
                    + "it may be an older version"
                    : where + ": not found (404): " + detail;
            case 409 -> where + ": conflict (409): " + detail;
            case 413 -> where + " refused the request as too large (413): " + detail;
            case 501 -> where + " does not support this yet (501 Not Implemented): " + detail;
            default -> where + " answered " + method + " " + path + " with " + status
                    + (detail.isEmpty() ? "" : ": " + detail);
        };
        return new RemoteFailure(message, status == 400 ? 2 : 1);
    }

    /** Whether a 404 says the server has no such route (an older server), rather than no such object. */
    private static boolean unknownEndpoint(String detail) {
        return detail.startsWith("no such endpoint") || detail.startsWith("Endpoint ") && detail.endsWith("not found");
    }

    private static JsonNode problem(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String problems(JsonNode list, boolean fileLines) {
        StringBuilder text = new StringBuilder();
        for (JsonNode p : list) {
            text.append("\n  ");
            if (fileLines && p.path("line").asInt(0) > 0) {
                text.append("line ").append(p.path("line").asInt()).append(':').append(p.path("column").asInt())
                        .append(": ");
            }
            if (!p.path("path").asText("").isEmpty()) {
                text.append(p.path("path").asText()).append(": ");
            }
            text.append(p.path("message").asText());
        }
        return text.toString();
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
