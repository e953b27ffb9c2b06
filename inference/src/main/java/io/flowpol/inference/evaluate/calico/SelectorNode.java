package io.flowpol.inference.evaluate.calico;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The immutable syntax tree of a Calico selector, with the evaluation rules of libcalico-go
 * {@code selector/parser/ast.go} and its canonical text ({@code Selector.String()}): binary
 * operators spaced, every {@code &&}/{@code ||} group in parentheses, {@code !} directly
 * before its operand, sets de-duplicated and sorted.
 */
sealed interface SelectorNode {

    boolean matches(SelectorLabels labels);

    /** Appends the canonical text. */
    void write(StringBuilder out);

    /** True when {@code global()} occurs anywhere in the tree (validator placement rules). */
    default boolean mentionsGlobal() {
        return false;
    }

    /** {@code label op "value"} for ==, !=, contains, starts with, ends with. */
    record Compare(String label, Operator operator, String value) implements SelectorNode {
        enum Operator { EQ, NE, CONTAINS, STARTS_WITH, ENDS_WITH }

        @Override
        public boolean matches(SelectorLabels labels) {
            String actual = labels.get(label);
            return switch (operator) {
                // != is true for an absent label (ast.go LabelNeValueNode).
                case NE -> actual == null || !actual.equals(value);
                case EQ -> value.equals(actual);
                case CONTAINS -> actual != null && actual.contains(value);
                case STARTS_WITH -> actual != null && actual.startsWith(value);
                case ENDS_WITH -> actual != null && actual.endsWith(value);
            };
        }

        @Override
        public void write(StringBuilder out) {
            String op = switch (operator) {
                case EQ -> " == ";
                case NE -> " != ";
                case CONTAINS -> " contains ";
                case STARTS_WITH -> " starts with ";
                case ENDS_WITH -> " ends with ";
            };
            out.append(label).append(op);
            quote(value, out);
        }
    }

    /** {@code label in {..}} or, negated, {@code label not in {..}}. */
    record InSet(String label, SortedSet<String> values, boolean negated) implements SelectorNode {
        public InSet {
            values = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
        }

        @Override
        public boolean matches(SelectorLabels labels) {
            String actual = labels.get(label);
            boolean in = actual != null && values.contains(actual);
            return negated != in;
        }

        @Override
        public void write(StringBuilder out) {
            out.append(label).append(negated ? " not in {" : " in {");
            String separator = "";
            for (String value : values) {
                out.append(separator);
                quote(value, out);
                separator = ", ";
            }
            out.append('}');
        }
    }

    record Has(String label) implements SelectorNode {
        @Override
        public boolean matches(SelectorLabels labels) {
            return labels.get(label) != null;
        }

        @Override
        public void write(StringBuilder out) {
            out.append("has(").append(label).append(')');
        }
    }

    /** {@code all()}, or {@code global()} when {@code global}: both true as expressions. */
    record All(boolean global) implements SelectorNode {
        @Override
        public boolean matches(SelectorLabels labels) {
            return true;
        }

        @Override
        public void write(StringBuilder out) {
            out.append(global ? "global()" : "all()");
        }

        @Override
        public boolean mentionsGlobal() {
            return global;
        }
    }

    record Not(SelectorNode operand) implements SelectorNode {
        @Override
        public boolean matches(SelectorLabels labels) {
            return !operand.matches(labels);
        }

        @Override
        public void write(StringBuilder out) {
            out.append('!');
            operand.write(out);
        }

        @Override
        public boolean mentionsGlobal() {
            return operand.mentionsGlobal();
        }
    }

    /** {@code a && b && ...} ({@code and}) or {@code a || b || ...}; two or more operands. */
    record Junction(boolean and, List<SelectorNode> operands) implements SelectorNode {
        public Junction {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean matches(SelectorLabels labels) {
            for (SelectorNode operand : operands) {
                if (operand.matches(labels) != and) {
                    return !and;
                }
            }
            return and;
        }

        @Override
        public void write(StringBuilder out) {
            out.append('(');
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    out.append(and ? " && " : " || ");
                }
                operands.get(i).write(out);
            }
            out.append(')');
        }

        @Override
        public boolean mentionsGlobal() {
            return operands.stream().anyMatch(SelectorNode::mentionsGlobal);
        }
    }

    /** Calico quotes with {@code "} unless the value contains one; values have no escapes. */
    private static void quote(String value, StringBuilder out) {
        char quote = value.indexOf('"') >= 0 ? '\'' : '"';
        out.append(quote).append(value).append(quote);
    }
}
