package io.flowpol.inference.model;

import java.util.List;
import java.util.Map;

/** One matchExpressions entry of a label selector. */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    public enum Operator { IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    public LabelRequirement {
        if (key == null) {
            throw new IllegalArgumentException("key == null");
        }
        if (operator == null) {
            throw new IllegalArgumentException("operator == null");
        }
        values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case IN -> value != null && values.contains(value);
            case NOT_IN -> value == null || !values.contains(value);
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
        };
    }
}
