package io.flowpol.inference.evaluate.calico;

import io.flowpol.inference.evaluate.calico.SelectorToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Calico selector into tokens, with the rules of libcalico-go
 * {@code selector/tokenizer/tokenizer.go} (v3.32.1): whitespace is only space and TAB;
 * keyword operators ({@code contains}, {@code in}, {@code not in}, {@code starts with},
 * {@code ends with}, and their one-word spellings) are recognised only right after a label
 * and must not run into further label characters, so labels may be named {@code contains}
 * or {@code not}; {@code has(}, {@code all(} and {@code global(} must be complete once
 * started; labels are 1 to 512 characters of {@code [A-Za-z0-9_./-]}; strings have no
 * escapes.
 */
final class SelectorTokenizer {
    static final int MAX_LABEL_LENGTH = 512;

    private final String text;
    private final List<SelectorToken> tokens = new ArrayList<>();
    private int pos;

    private SelectorTokenizer(String text) {
        this.text = text;
    }

    static List<SelectorToken> tokenize(String text) {
        SelectorTokenizer tokenizer = new SelectorTokenizer(text);
        tokenizer.run();
        return List.copyOf(tokenizer.tokens);
    }

    static boolean isLabelChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '/' || c == '-';
    }

    private void run() {
        while (true) {
            skipWhitespace();
            if (pos == text.length()) {
                tokens.add(new SelectorToken(Kind.EOF, null, pos));
                return;
            }
            int start = pos;
            char c = text.charAt(pos);
            switch (c) {
                case '(' -> single(Kind.L_PAREN);
                case ')' -> single(Kind.R_PAREN);
                case '{' -> single(Kind.L_BRACE);
                case '}' -> single(Kind.R_BRACE);
                case ',' -> single(Kind.COMMA);
                case '"', '\'' -> stringLiteral(c);
                case '=' -> doubled('=', Kind.EQ, "'=='");
                case '&' -> doubled('&', Kind.AND, "'&&'");
                case '|' -> doubled('|', Kind.OR, "'||'");
                case '!' -> {
                    boolean ne = pos + 1 < text.length() && text.charAt(pos + 1) == '=';
                    pos += ne ? 2 : 1;
                    tokens.add(new SelectorToken(ne ? Kind.NE : Kind.NOT, null, start));
                }
                default -> word();
            }
        }
    }

    private void single(Kind kind) {
        tokens.add(new SelectorToken(kind, null, pos));
        pos++;
    }

    private void doubled(char c, Kind kind, String expected) {
        if (pos + 1 >= text.length() || text.charAt(pos + 1) != c) {
            throw error(expected, "'" + c + "' alone");
        }
        tokens.add(new SelectorToken(kind, null, pos));
        pos += 2;
    }

    private void stringLiteral(char quote) {
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("a closing " + quote + " for the string", "end of input");
        }
        tokens.add(new SelectorToken(Kind.STRING_LITERAL, text.substring(pos + 1, end), pos));
        pos = end + 1;
    }

    private void word() {
        Kind last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1).kind();
        if (last == Kind.LABEL) {
            operatorAfterLabel();
        } else if (text.startsWith("has(", pos)) {
            int start = pos;
            pos += 4;
            skipWhitespace();
            String label = label("a label inside has()");
            skipWhitespace();
            expectChar(')', "')' closing has(");
            tokens.add(new SelectorToken(Kind.HAS, label, start));
        } else if (text.startsWith("all(", pos)) {
            emptyCall(Kind.ALL, 4);
        } else if (text.startsWith("global(", pos)) {
            emptyCall(Kind.GLOBAL, 7);
        } else {
            int start = pos;
            tokens.add(new SelectorToken(Kind.LABEL, label("a label, has(), all(), '!' or '('"), start));
        }
    }

    private void emptyCall(Kind kind, int length) {
        int start = pos;
        pos += length;
        skipWhitespace();
        expectChar(')', "')'");
        tokens.add(new SelectorToken(kind, null, start));
    }

    private void operatorAfterLabel() {
        int start = pos;
        Kind kind;
        if (keyword("contains")) {
            kind = Kind.CONTAINS;
        } else if (keyword("startswith") || twoWords("starts", "with")) {
            kind = Kind.STARTS_WITH;
        } else if (keyword("endswith") || twoWords("ends", "with")) {
            kind = Kind.ENDS_WITH;
        } else if (twoWords("not", "in") || keyword("notin")) {
            kind = Kind.NOT_IN;
        } else if (keyword("in")) {
            kind = Kind.IN;
        } else {
            throw error("an operator after the label (==, !=, in, not in, contains, starts with, ends with)",
                    describeHere());
        }
        tokens.add(new SelectorToken(kind, null, start));
    }

    /** Consumes {@code word} when it stands alone (not followed by a label character). */
    private boolean keyword(String word) {
        int end = pos + word.length();
        if (text.startsWith(word, pos) && (end == text.length() || !isLabelChar(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    /** Consumes {@code first}, whitespace, {@code second} (zero whitespace is the one-word form). */
    private boolean twoWords(String first, String second) {
        if (!text.startsWith(first, pos)) {
            return false;
        }
        int saved = pos;
        pos += first.length();
        skipWhitespace();
        if (keyword(second)) {
            return true;
        }
        pos = saved;
        return false;
    }

    private String label(String expected) {
        int start = pos;
        while (pos < text.length() && isLabelChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error(expected, describeHere());
        }
        if (pos - start > MAX_LABEL_LENGTH) {
            throw new CalicoSelectorException(text, start, "a label of at most " + MAX_LABEL_LENGTH + " characters",
                    "a label of " + (pos - start));
        }
        return text.substring(start, pos);
    }

    private void expectChar(char c, String expected) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error(expected, describeHere());
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(pos);
        return c == '\n' || c == '\r' ? "a line break" : "'" + c + "'";
    }

    private CalicoSelectorException error(String expected, String found) {
        return new CalicoSelectorException(text, pos, expected, found);
    }
}
