package io.flowpol.inference.evaluate.calico;

import io.flowpol.inference.evaluate.calico.SelectorNode.Compare.Operator;
import io.flowpol.inference.evaluate.calico.SelectorToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive-descent parser over {@link SelectorTokenizer}'s tokens, following libcalico-go
 * {@code selector/parser/parser.go} (v3.32.1):
 *
 * <pre>
 * selector  = [ or ] EOF                     ; empty is all()
 * or        = and *( "||" and )
 * and       = unary *( "&amp;&amp;" unary )
 * unary     = *"!" operation                 ; each "!" toggles
 * operation = has(l) | all() | global() | "(" or ")"
 *           | label ("==" | "!=" | contains | starts with | ends with) string
 *           | label ("in" | "not in") "{" [ string *( "," string ) [","] ] "}"
 * </pre>
 */
final class SelectorParser {
    private final String text;
    private final List<SelectorToken> tokens;
    private int next;

    private SelectorParser(String text) {
        this.text = text;
        this.tokens = SelectorTokenizer.tokenize(text);
    }

    static SelectorNode parse(String text) {
        SelectorParser parser = new SelectorParser(text);
        if (parser.peek().kind() == Kind.EOF) {
            return new SelectorNode.All(false);
        }
        SelectorNode root = parser.or();
        parser.expect(Kind.EOF, "'&&', '||' or end of input");
        return root;
    }

    private SelectorNode or() {
        List<SelectorNode> operands = new ArrayList<>();
        operands.add(and());
        while (peek().kind() == Kind.OR) {
            next++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new SelectorNode.Junction(false, operands);
    }

    private SelectorNode and() {
        List<SelectorNode> operands = new ArrayList<>();
        operands.add(unary());
        while (peek().kind() == Kind.AND) {
            next++;
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new SelectorNode.Junction(true, operands);
    }

    private SelectorNode unary() {
        boolean negated = false;
        while (peek().kind() == Kind.NOT) {
            negated = !negated;
            next++;
        }
        SelectorNode operation = operation();
        return negated ? new SelectorNode.Not(operation) : operation;
    }

    private SelectorNode operation() {
        SelectorToken token = tokens.get(next++);
        return switch (token.kind()) {
            case HAS -> new SelectorNode.Has(token.value());
            case ALL -> new SelectorNode.All(false);
            case GLOBAL -> new SelectorNode.All(true);
            case L_PAREN -> {
                SelectorNode inner = or();
                expect(Kind.R_PAREN, "')'");
                yield inner;
            }
            case LABEL -> comparison(token.value());
            default -> throw new CalicoSelectorException(text, token.position(),
                    "a label, has(), all(), '!' or '('", token.describe());
        };
    }

    private SelectorNode comparison(String label) {
        SelectorToken operator = tokens.get(next++);
        return switch (operator.kind()) {
            case EQ -> compare(label, Operator.EQ);
            case NE -> compare(label, Operator.NE);
            case CONTAINS -> compare(label, Operator.CONTAINS);
            case STARTS_WITH -> compare(label, Operator.STARTS_WITH);
            case ENDS_WITH -> compare(label, Operator.ENDS_WITH);
            case IN -> new SelectorNode.InSet(label, set(), false);
            case NOT_IN -> new SelectorNode.InSet(label, set(), true);
            default -> throw new CalicoSelectorException(text, operator.position(),
                    "an operator after label '" + label + "'", operator.describe());
        };
    }

    private SelectorNode compare(String label, Operator operator) {
        return new SelectorNode.Compare(label, operator, expect(Kind.STRING_LITERAL, "a quoted string").value());
    }

    /** A set literal; {@code {}} and a trailing comma are accepted, {@code {,}} is not. */
    private TreeSet<String> set() {
        expect(Kind.L_BRACE, "'{' starting a set of strings");
        TreeSet<String> values = new TreeSet<>();
        while (peek().kind() == Kind.STRING_LITERAL) {
            values.add(tokens.get(next++).value());
            if (peek().kind() != Kind.COMMA) {
                break;
            }
            next++;
        }
        expect(Kind.R_BRACE, "a quoted string, ',' or '}'");
        return values;
    }

    private SelectorToken peek() {
        return tokens.get(next);
    }

    private SelectorToken expect(Kind kind, String expected) {
        SelectorToken token = peek();
        if (token.kind() != kind) {
            throw new CalicoSelectorException(text, token.position(), expected, token.describe());
        }
        next++;
        return token;
    }
}
