package io.flowpol.inference.evaluate.calico;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the conformance data: the inference module is JDK only, so its
 * tests cannot use Jackson. Objects become {@code LinkedHashMap}, arrays {@code ArrayList},
 * numbers {@code Double}; strings support the standard escapes.
 */
final class ConformanceJson {
    private final String text;
    private int pos;

    private ConformanceJson(String text) {
        this.text = text;
    }

    /** Reads {@code <flowpol.shared.dir>/conformance/calico-selectors/<name>}. */
    static Object readSharedFile(String name) throws IOException {
        String shared = System.getProperty("flowpol.shared.dir", "../../shared");
        Path path = Path.of(shared, "conformance", "calico-selectors", name);
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    static Object parse(String text) {
        ConformanceJson json = new ConformanceJson(text);
        Object value = json.value();
        json.skipWhitespace();
        if (json.pos != text.length()) {
            throw new IllegalArgumentException("trailing data at " + json.pos);
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                break;
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private Map<String, Object> object() {
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (text.charAt(pos) == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipWhitespace();
            String key = string();
            skipWhitespace();
            expect(':');
            out.put(key, value());
            skipWhitespace();
            if (text.charAt(pos++) == '}') {
                return out;
            }
        }
    }

    private List<Object> array() {
        List<Object> out = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (text.charAt(pos) == ']') {
            pos++;
            return out;
        }
        while (true) {
            out.add(value());
            skipWhitespace();
            if (text.charAt(pos++) == ']') {
                return out;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos);
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
