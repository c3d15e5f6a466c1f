package dev.baton.template.yaml;

import java.util.OptionalLong;

/** Reads integers the way YAML 1.1 writes them: decimal, {@code 0x} hex, {@code 0o} or leading-zero octal, {@code _} separators. */
final class IntegerText {
    private IntegerText() {
    }

    static OptionalLong parseYaml(String text) {
        String s = text.replace("_", "");
        boolean negative = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        try {
            long value;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                value = Long.parseLong(s.substring(2), 16);
            } else if (s.startsWith("0o")) {
                value = Long.parseLong(s.substring(2), 8);
            } else if (s.startsWith("0b")) {
                value = Long.parseLong(s.substring(2), 2);
            } else if (s.length() > 1 && s.startsWith("0")) {
                value = Long.parseLong(s.substring(1), 8);
            } else {
                value = Long.parseLong(s);
            }
            return OptionalLong.of(negative ? -value : value);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Plain decimal digits with an optional sign, as a string field holding a number would. */
    static OptionalLong parseDecimal(String text) {
        String s = text.trim();
        if (s.isEmpty() || !s.chars().skip(s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0).allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
