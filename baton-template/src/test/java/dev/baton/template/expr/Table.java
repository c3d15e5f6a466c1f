package dev.baton.template.expr;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads test tables written as "input => expected" lines. */
final class Table {

    private Table() {
    }

    static Stream<Arguments> rows(String table) {
        return Arrays.stream(table.split("\n"))
                .filter(line -> !line.isBlank())
                .map(line -> {
                    int arrow = line.lastIndexOf(" =>");
                    String expected = line.substring(arrow + 3);
                    return Arguments.of(line.substring(0, arrow).strip(), expected.startsWith(" ") ? expected.substring(1) : expected);
                });
    }
}
