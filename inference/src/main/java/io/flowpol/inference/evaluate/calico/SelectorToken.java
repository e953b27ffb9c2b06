package io.flowpol.inference.evaluate.calico;

/**
 * One token of a Calico selector: its kind, its text value (label name or string literal,
 * null for operators) and its 0-based offset in the selector, for error messages.
 */
record SelectorToken(Kind kind, String value, int position) {

    /** The token kinds of libcalico-go's {@code selector/tokenizer} ({@code TokLabel}, ...). */
    enum Kind {
        LABEL, STRING_LITERAL, EQ, NE, IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH,
        HAS, ALL, GLOBAL, NOT, AND, OR, L_PAREN, R_PAREN, L_BRACE, R_BRACE, COMMA, EOF
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case LABEL -> "label '" + value + "'";
            case STRING_LITERAL -> "string \"" + value + "\"";
            case EQ -> "'=='";
            case NE -> "'!='";
            case IN -> "'in'";
            case NOT_IN -> "'not in'";
            case CONTAINS -> "'contains'";
            case STARTS_WITH -> "'starts with'";
            case ENDS_WITH -> "'ends with'";
            case HAS -> "has(" + value + ")";
            case ALL -> "all()";
            case GLOBAL -> "global()";
            case NOT -> "'!'";
            case AND -> "'&&'";
            case OR -> "'||'";
            case L_PAREN -> "'('";
            case R_PAREN -> "')'";
            case L_BRACE -> "'{'";
            case R_BRACE -> "'}'";
            case COMMA -> "','";
            case EOF -> "end of input";
        };
    }
}
