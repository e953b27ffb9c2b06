package io.flowpol.ingest.cloudwatch;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The expression subset of the Logs Insights language that {@link InsightsQuery} emits, parsed
 * by recursive descent and evaluated over one event's fields: {@code and or not}, comparisons
 * {@code = != < <= > >=}, {@code like /regex/}, arithmetic {@code + - * /}, {@code floor()},
 * numbers, double-quoted strings and field names. Values are Double, String, Boolean or null;
 * arithmetic on a missing or non-numeric value gives null, as in Insights.
 */
final class InsightsExpression {

    /** A compiled expression. */
    interface Node {
        Object eval(Map<String, Object> row);
    }

    private final String text;
    private int pos;

    private InsightsExpression(String text) {
        this.text = text;
    }

    static Node parse(String text) {
        InsightsExpression parser = new InsightsExpression(text);
        Node node = parser.or();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(parser.pos) + "' in: " + text);
        }
        return node;
    }

    private Node or() {
        Node left = and();
        while (word("or")) {
            Node l = left;
            Node r = and();
            left = row -> truth(l.eval(row)) || truth(r.eval(row));
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (word("and")) {
            Node l = left;
            Node r = not();
            left = row -> truth(l.eval(row)) && truth(r.eval(row));
        }
        return left;
    }

    private Node not() {
        if (word("not")) {
            Node inner = not();
            return row -> !truth(inner.eval(row));
        }
        return comparison();
    }

    private Node comparison() {
        Node left = sum();
        if (word("like")) {
            skipSpace();
            int end = text.indexOf('/', pos + 1);
            Pattern regex = Pattern.compile(text.substring(pos + 1, end));
            pos = end + 1;
            return row -> left.eval(row) instanceof String s && regex.matcher(s).find();
        }
        for (String op : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
            if (symbol(op)) {
                Node right = sum();
                return row -> compare(op, left.eval(row), right.eval(row));
            }
        }
        return left;
    }

    private Node sum() {
        Node left = product();
        while (true) {
            char op = peekSymbol("+-");
            if (op == 0) {
                return left;
            }
            Node l = left;
            Node r = product();
            left = row -> arithmetic(op, l.eval(row), r.eval(row));
        }
    }

    private Node product() {
        Node left = primary();
        while (true) {
            char op = peekSymbol("*/");
            if (op == 0) {
                return left;
            }
            Node l = left;
            Node r = primary();
            left = row -> arithmetic(op, l.eval(row), r.eval(row));
        }
    }

    private Node primary() {
        skipSpace();
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Node inner = or();
            expect(")");
            return inner;
        }
        if (c == '"') {
            int end = text.indexOf('"', pos + 1);
            String value = text.substring(pos + 1, end);
            pos = end + 1;
            return row -> value;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_@.".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + c + "' in: " + text);
        }
        if (Character.isDigit(token.charAt(0))) {
            Double value = Double.valueOf(token);
            return row -> value;
        }
        if (token.equals("floor")) {
            expect("(");
            Node inner = or();
            expect(")");
            return row -> number(inner.eval(row)) == null ? null : Math.floor(number(inner.eval(row)));
        }
        return row -> row.get(token);
    }

    static Double number(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Object arithmetic(char op, Object a, Object b) {
        Double x = number(a);
        Double y = number(b);
        if (x == null || y == null) {
            return null;
        }
        return switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            default -> x / y;
        };
    }

    private static boolean compare(String op, Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        Double x = number(a);
        Double y = number(b);
        int cmp = x != null && y != null ? Double.compare(x, y) : a.toString().compareTo(b.toString());
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static boolean truth(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private boolean word(String word) {
        skipSpace();
        int end = pos + word.length();
        if (text.startsWith(word, pos) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        skipSpace();
        if (text.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        return false;
    }

    private char peekSymbol(String symbols) {
        skipSpace();
        if (pos < text.length() && symbols.indexOf(text.charAt(pos)) >= 0) {
            return text.charAt(pos++);
        }
        return 0;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw new IllegalArgumentException("expected '" + symbol + "' at " + pos + " in: " + text);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
