package dev.baton.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.concurrent.Callable;

/** Runs a remote command's body and ends it the same way every time: one line on stderr and an exit status. */
public final class RemoteCall {
    private RemoteCall() {
    }

    /** The body's exit status, or the failure's after printing {@code baton: <message>} on stderr. */
    public static int run(Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (RemoteFailure e) {
            System.out.flush();
            System.err.println("baton: " + e.getMessage());
            return e.exitStatus();
        }
    }

    /** Fails with status 2 unless {@code -o} is empty, json or yaml. */
    static void checkFormat(String format) {
        if (format != null && !format.equals("json") && !format.equals("yaml")) {
            throw new RemoteFailure("-o must be json or yaml, not '" + format + "'", 2);
        }
    }

    /** Prints what the server answered, as JSON or YAML, on stdout. */
    static void print(String format, JsonNode value) throws IOException {
        ObjectMapper mapper = "yaml".equals(format) ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(mapper.writeValueAsString(value));
        System.out.flush();
    }

    /** The path of a namespace's collection, e.g. {@code /api/v1/workflows/default}. */
    static String collection(String kind, String namespace) {
        return "/api/v1/" + kind + "/" + ServerClient.encode(namespace);
    }

    /** The path of one named object of a namespace. */
    static String item(String kind, String namespace, String name) {
        return collection(kind, namespace) + "/" + ServerClient.encode(name);
    }
}
