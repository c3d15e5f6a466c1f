package dev.baton.engine.core.loop;

/** Formats one integer with a Go printf format such as {@code %d}, {@code %02X} or {@code testuser%02d}. */
final class GoFormat {
    private GoFormat() {
    }

    static String sprintf(String format, long value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean used = false;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            if (j < format.length() && format.charAt(j) == '%') {
                out.append('%');
                i = j + 1;
                continue;
            }
            while (j < format.length() && "0123456789-+ #.".indexOf(format.charAt(j)) >= 0) {
                j++;
            }
            if (j >= format.length()) {
                out.append(format, i, j);
                break;
            }
            char verb = format.charAt(j);
            String flags = format.substring(i + 1, j);
            out.append(convert(flags, verb, value, used));
            used = true;
            i = j + 1;
        }
        return out.toString();
    }

    private static String convert(String flags, char verb, long value, boolean used) {
        if (used) {
            return "%!" + verb + "(MISSING)";
        }
        return switch (verb) {
            case 'd', 'v' -> String.format("%" + flags + "d", value);
            case 'x' -> String.format("%" + flags + "x", value);
            case 'X' -> String.format("%" + flags + "X", value);
            case 'o' -> String.format("%" + flags + "o", value);
            case 'b' -> pad(flags, Long.toBinaryString(value));
            case 's' -> String.format("%" + flags + "s", value);
            case 'f', 'e', 'g' -> String.format("%" + flags + verb, (double) value);
            default -> "%!" + verb + "(int=" + value + ")";
        };
    }

    private static String pad(String flags, String digits) {
        if (flags.startsWith("0") && flags.length() > 1) {
            int width = Integer.parseInt(flags.substring(1));
            return "0".repeat(Math.max(0, width - digits.length())) + digits;
        }
        return digits;
    }
}
