package io.flowpol.inference.model;

/**
 * A problem with an input, as data (STYLE.md habit 6): where (file and 1-based line, 0 when
 * unknown; {@code field} the flow-log field, JSON path or option), what was expected and
 * what was found. Printed as {@code file:line: field: expected X, found Y}.
 */
public record InputProblem(String file, long line, String field, String expected, String found, Finding.Severity severity) {

    public static InputProblem error(String file, long line, String field, String expected, String found) {
        return new InputProblem(file, line, field, expected, found, Finding.Severity.ERROR);
    }

    /**
     * One line, no trailing newline: {@code file:line: field: expected ..., found ...}. Control
     * characters taken from the input are written as {@code \xNN} (issue 12, item 11): echoed raw,
     * an ESC sequence in a recording would drive the user's terminal, a newline would split the line.
     */
    public String message() {
        return escapeControls(text());
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line > 0) {
                out.append(':').append(line);
            }
            out.append(": ");
        }
        if (field != null && !field.isEmpty()) {
            out.append(field).append(": ");
        }
        if (expected != null) {
            out.append("expected ").append(expected);
            if (found != null) {
                out.append(", found ").append(found);
            }
        } else if (found != null) {
            out.append(found);
        }
        return out.toString();
    }

    /** {@code text} with C0 and C1 control characters and DEL as {@code \xNN}; the same string when there are none. */
    public static String escapeControls(String text) {
        if (text == null || text.chars().noneMatch(InputProblem::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (isControl(c)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7F && c < 0xA0;
    }

    @Override
    public String toString() {
        return message();
    }
}
