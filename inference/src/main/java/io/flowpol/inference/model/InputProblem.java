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

    /** One line, no trailing newline: {@code file:line: field: expected ..., found ...}. */
    public String message() {
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

    @Override
    public String toString() {
        return message();
    }
}
