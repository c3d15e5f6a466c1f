package dev.baton.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes no HTTP client library would (a {@code %00} in the path, a {@code Host} of another site, a body that
 * is not UTF-8) over a plain socket, and reads the whole answer.
 */
final class RawHttp {
    /** An answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private final URI server;

    RawHttp(URI server) {
        this.server = server;
    }

    /** A request with {@code Host} naming the server, {@code Connection: close} and the body's length. */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", server.getHost() + ":" + server.getPort());
        all.putAll(headers);
        all.put("Connection", "close");
        if (body != null) {
            all.put("Content-Length", Integer.toString(body.length));
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (Map.Entry<String, String> h : all.entrySet()) {
            request.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.write(body);
        }
        return exchange(request.toByteArray());
    }

    /** Sends exactly these bytes and reads until the server closes the connection (10 s at most of silence). */
    Answer exchange(byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before it has read everything (413, 431): read its answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                in.transferTo(response);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server did not answer or close within 10 s: "
                        + response.toString(StandardCharsets.UTF_8), e);
            } catch (IOException e) {
                // a reset after the answer was sent
            }
            return parse(response.toByteArray());
        }
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, Map.of(), new String(bytes, StandardCharsets.UTF_8));
        }
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    head[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** The body of a chunked answer (text read as ISO-8859-1, so that one character is one byte). */
    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
