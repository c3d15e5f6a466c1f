package dev.baton.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;

/** Prints a value as JSON or YAML on standard output ({@code -o json|yaml}). */
final class Output {
    private Output() {
    }

    static void print(String format, Object value) throws IOException {
        if (format == null) {
            return;
        }
        ObjectMapper mapper = format.equals("yaml") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(mapper.writeValueAsString(value));
        System.out.flush();
    }

    /** Whether {@code -o} names a known format; says what is wrong on stderr when it does not. */
    static boolean valid(String format) {
        if (format == null || format.equals("json") || format.equals("yaml")) {
            return true;
        }
        System.err.println("baton: -o must be json or yaml, not '" + format + "'");
        return false;
    }
}
