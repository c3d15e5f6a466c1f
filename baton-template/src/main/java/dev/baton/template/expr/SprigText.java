package dev.baton.template.expr;

import static dev.baton.template.expr.SprigValues.intArg;
import static dev.baton.template.expr.SprigValues.stringArg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Adler32;

/** sprig's case conversion, regular expression, encoding, hashing and random functions. */
final class SprigText {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private SprigText() {
    }

    static void register(Map<String, ExprFunction> f) {
        f.put("snakecase", a -> String.join("_", words(stringArg(a, 0, "snakecase"), true)));
        f.put("kebabcase", a -> String.join("-", words(stringArg(a, 0, "kebabcase"), true)));
        f.put("camelcase", a -> camel(stringArg(a, 0, "camelcase")));
        f.put("regexMatch", a -> regex(stringArg(a, 0, "regexMatch")) instanceof Pattern p && p.matcher(stringArg(a, 1, "regexMatch")).find());
        f.put("regexFind", a -> {
            Matcher m = Operators.pattern(stringArg(a, 0, "regexFind")).matcher(stringArg(a, 1, "regexFind"));
            return m.find() ? m.group() : "";
        });
        f.put("regexFindAll", a -> {
            Matcher m = Operators.pattern(stringArg(a, 0, "regexFindAll")).matcher(stringArg(a, 1, "regexFindAll"));
            int n = intArg(a, 2, "regexFindAll");
            List<Object> out = new ArrayList<>();
            while ((n < 0 || out.size() < n) && m.find()) {
                out.add(m.group());
            }
            return out;
        });
        f.put("regexReplaceAll", a -> replaceAll(stringArg(a, 0, "regexReplaceAll"), stringArg(a, 1, "regexReplaceAll"),
                stringArg(a, 2, "regexReplaceAll"), true));
        f.put("regexReplaceAllLiteral", a -> replaceAll(stringArg(a, 0, "regexReplaceAllLiteral"),
                stringArg(a, 1, "regexReplaceAllLiteral"), stringArg(a, 2, "regexReplaceAllLiteral"), false));
        f.put("regexSplit", a -> {
            int n = intArg(a, 2, "regexSplit");
            String[] parts = Operators.pattern(stringArg(a, 0, "regexSplit")).split(stringArg(a, 1, "regexSplit"), n < 0 ? -1 : n);
            return n == 0 ? new ArrayList<>() : new ArrayList<Object>(List.of(parts));
        });
        f.put("regexQuoteMeta", a -> stringArg(a, 0, "regexQuoteMeta").replaceAll("([\\\\.+*?()|\\[\\]{}^$])", "\\\\$1"));
        f.put("b64enc", a -> Base64.getEncoder().encodeToString(bytes(stringArg(a, 0, "b64enc"))));
        f.put("b64dec", a -> {
            try {
                return new String(Base64.getDecoder().decode(stringArg(a, 0, "b64dec").strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "illegal base64 data: " + e.getMessage();
            }
        });
        f.put("sha1sum", a -> digest("SHA-1", stringArg(a, 0, "sha1sum")));
        f.put("sha256sum", a -> digest("SHA-256", stringArg(a, 0, "sha256sum")));
        f.put("adler32sum", a -> {
            Adler32 adler = new Adler32();
            adler.update(bytes(stringArg(a, 0, "adler32sum")));
            return Long.toString(adler.getValue());
        });
        f.put("uuidv4", a -> UUID.randomUUID().toString());
        f.put("randAlphaNum", a -> random(LETTERS + DIGITS, intArg(a, 0, "randAlphaNum")));
        f.put("randAlpha", a -> random(LETTERS, intArg(a, 0, "randAlpha")));
        f.put("randNumeric", a -> random(DIGITS, intArg(a, 0, "randNumeric")));
    }

    private static Object regex(String pattern) {
        try {
            return Operators.pattern(pattern);
        } catch (EvalError e) {
            return null;
        }
    }

    /** Go's strings.Title (or its inverse): changes the first letter of every word. */
    static String title(String s, boolean upper) {
        StringBuilder out = new StringBuilder(s.length());
        boolean atWordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(atWordStart ? (upper ? Character.toTitleCase(c) : Character.toLowerCase(c)) : c);
            atWordStart = !(Character.isLetterOrDigit(c) || c == '_' || c == '\'');
        }
        return out.toString();
    }

    /** Splits "HTTPServer_name-x" into lower-case words: http, server, name, x. */
    static List<String> words(String s, boolean lower) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, out, lower);
                continue;
            }
            boolean boundary = word.length() > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(s.charAt(i - 1)) || Character.isDigit(s.charAt(i - 1))
                    || (i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1)) && Character.isUpperCase(s.charAt(i - 1))));
            if (boundary) {
                flush(word, out, lower);
            }
            word.append(c);
        }
        flush(word, out, lower);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out, boolean lower) {
        if (word.length() > 0) {
            out.add(lower ? word.toString().toLowerCase() : word.toString());
            word.setLength(0);
        }
    }

    private static String camel(String s) {
        StringBuilder out = new StringBuilder();
        for (String part : s.split("[_\\s-]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** Go's Regexp.ReplaceAllString ($1, ${1}, $name expand) or ReplaceAllLiteralString. */
    private static String replaceAll(String regex, String s, String replacement, boolean expand) {
        Matcher m = Operators.pattern(regex).matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start());
            out.append(expand ? expand(m, replacement) : replacement);
            last = m.end();
        }
        return out.append(s.substring(last)).toString();
    }

    private static String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '$' || i >= template.length()) {
                out.append(c);
                continue;
            }
            if (template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean braced = template.charAt(i) == '{';
            int start = braced ? i + 1 : i;
            int end = start;
            while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                end++;
            }
            if (end == start || (braced && (end >= template.length() || template.charAt(end) != '}'))) {
                out.append('$');
                continue;
            }
            out.append(group(m, template.substring(start, end)));
            i = braced ? end + 1 : end;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        try {
            String value = name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name);
            return value == null ? "" : value;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "";
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes(s)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(String alphabet, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
