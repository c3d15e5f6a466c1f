package dev.baton.server.http;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads request bodies within the size limit, telling JSON from YAML by the Content-Type. */
public final class RequestBodies {
    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** How much of a refused body is read before answering; beyond it the connection is simply closed. */
    private static final long DRAINED = 64L * 1024 * 1024;

    /** The two document formats the API reads. */
    public enum Format { JSON, YAML }

    /** A body as text with its format. */
    public record Body(Format format, String text) {
    }

    /** The body, or 415 for a Content-Type other than JSON or YAML, 413 past the limit, 400 when empty. */
    public Body read(Context ctx) throws IOException {
        Format format = format(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBytes) {
                throw tooLarge(in);
            }
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw tooLarge(in);
                }
                out.write(buffer, 0, n);
            }
        }
        if (out.size() == 0) {
            throw ApiError.badRequest("the request has no body");
        }
        return new Body(format, text(out.toByteArray()));
    }

    /** The body decoded as UTF-8, or 400 naming where it is not: bytes are never silently replaced. */
    static String text(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw ApiError.badRequest("the request body is not valid UTF-8: byte " + in.position()
                    + " (0x" + String.format("%02x", bytes[in.position()] & 0xff) + ") cannot start or continue a "
                    + "character; send the document encoded as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * The 413, after reading (and dropping) what the client is still sending, up to {@link #DRAINED}: a client that
     * is cut off in the middle of its upload sees a broken connection instead of the answer.
     */
    private ApiError tooLarge(InputStream rest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < DRAINED && (n = rest.read(buffer)) > 0) {
            drained += n;
        }
        return tooLarge();
    }

    private ApiError tooLarge() {
        return new ApiError(413, "Content Too Large", "the request body is larger than " + maxBytes
                + " bytes (limits.maxRequestBytes)");
    }

    private static Format format(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Format.JSON;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json" -> Format.JSON;
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> Format.YAML;
            default -> throw new ApiError(415, "Unsupported Media Type", "Content-Type " + type
                    + " is not accepted: send application/json or application/yaml");
        };
    }
}
