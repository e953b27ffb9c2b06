package io.flowpol.templates.render;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotes text for YAML so that it reads back as the same string, in block and in flow
 * context. Plain only when it is obviously a string to both YAML 1.1 and 1.2 readers (the
 * Kubernetes API server uses a YAML 1.1 parser): letters, digits and {@code _./-}, not
 * starting with a digit-only look (dates, numbers, octal), not a YAML 1.1 boolean or null.
 */
public final class YamlStrings {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9][0-9._eE+-]*|[0-9]+[./][0-9./]*");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off",
            "null", "nan", "inf");

    private YamlStrings() {
    }

    /** The text as a YAML scalar: plain when safe, else double-quoted. */
    public static String scalar(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text == null");
        }
        if (PLAIN.matcher(text).matches() && !NUMBER_LIKE.matcher(text).matches()
                && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return quoted(text);
    }

    /** Always double-quoted, with JSON-compatible escapes (YAML 1.2 §7.3.1). */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Text for a {@code # comment} line: one line, no control characters. */
    public static String comment(String text) {
        return text.replaceAll("[\\p{Cntrl}\u2028\u2029]", " ");
    }
}
