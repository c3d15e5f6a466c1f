package dev.baton.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers the requests Jetty refuses before any route sees them (a malformed URL such as {@code %00} or bad
 * percent-encoding, headers too large, an unparsable request line) as problem+json instead of Jetty's HTML page,
 * quoting none of Jetty's own message.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String id = ProblemResponses.correlationId();
        log(id, code, message, cause);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        response.getHeaders().put(ProblemResponses.CORRELATION_HEADER, id);
        response.write(true, ByteBuffer.wrap(body(id, code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String id = ProblemResponses.correlationId();
        log(id, status, reason, null);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE));
        fields.put(ProblemResponses.CORRELATION_HEADER, id);
        return ByteBuffer.wrap(body(id, status));
    }

    private static byte[] body(String id, int status) {
        try {
            return Json.MAPPER.writeValueAsString(ProblemResponses.body(id, status, ProblemResponses.title(status),
                    detail(status), List.of())).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: check the URL's percent-encoding (no %00, no control characters, "
                    + "no encoded '..'), its headers and its request line";
            case 404 -> "no such endpoint";
            case 405 -> "the method is not allowed here";
            case 413 -> "the request body is larger than the server accepts";
            case 414 -> "the URL is longer than the server accepts";
            case 431 -> "the request's headers are larger than the server accepts";
            default -> status >= 500 ? "the server could not answer this request" : "the request was refused";
        };
    }

    /** The server log keeps what the answer leaves out: Jetty's reason, and for a 5xx the stack trace. */
    private static void log(String id, int status, String message, Throwable cause) {
        System.err.println("baton server: [" + id + "] answered " + status + ": " + message
                + (cause == null ? "" : " (" + cause + ")"));
        if (cause != null && status >= 500) {
            cause.printStackTrace();
        }
    }
}
