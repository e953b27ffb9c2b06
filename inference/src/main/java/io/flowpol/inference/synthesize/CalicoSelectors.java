package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.WorkloadId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Calico selector expressions for what synthesis selects. Label values are Kubernetes label
 * values ({@code [A-Za-z0-9_.-]}), so single quotes never need escaping. Calico gives every
 * workload endpoint the label {@code projectcalico.org/namespace}; host endpoints do not
 * have it, so selecting on it picks pods and never a node's own traffic ({@code all()}
 * would select host endpoints too, and deny the node its own metadata service).
 */
final class CalicoSelectors {
    static final String NAMESPACE_LABEL = "projectcalico.org/namespace";

    private CalicoSelectors() {
    }

    /** Every pod of {@code namespaces} except those selected by {@code exempt} (null: none). */
    static String podsIn(Collection<String> namespaces, String exempt) {
        String pods = NAMESPACE_LABEL + " in " + set(namespaces);
        return exempt == null ? pods : pods + " && !(" + exempt + ")";
    }

    /** The pods of any of {@code workloads}, OR-ed; null when the list is empty. */
    static String anyOf(List<WorkloadId> workloads, java.util.function.Function<WorkloadId, LabelSelector> selectors) {
        List<String> terms = new ArrayList<>();
        for (WorkloadId id : workloads) {
            LabelSelector selector = selectors.apply(id);
            if (selector != null) {
                terms.add("(" + workload(id.namespace(), selector) + ")");
            }
        }
        return terms.isEmpty() ? null : String.join(" || ", terms);
    }

    /**
     * A Kubernetes label selector as a Calico selector: every matchLabel and matchExpression,
     * AND-ed ({@code NotIn} matches a missing label in both languages); {@code all()} when empty.
     */
    static String labels(LabelSelector selector) {
        List<String> parts = new ArrayList<>();
        addLabels(parts, selector);
        return parts.isEmpty() ? "all()" : String.join(" && ", parts);
    }

    /** One workload: its namespace and every part of its controller selector, AND-ed. */
    static String workload(String namespace, LabelSelector selector) {
        List<String> parts = new ArrayList<>();
        parts.add(NAMESPACE_LABEL + " == " + quote(namespace));
        addLabels(parts, selector);
        return String.join(" && ", parts);
    }

    private static void addLabels(List<String> parts, LabelSelector selector) {
        selector.matchLabels().forEach((k, v) -> parts.add(k + " == " + quote(v)));
        for (LabelRequirement r : selector.matchExpressions()) {
            parts.add(switch (r.operator()) {
                case IN -> r.key() + " in " + set(r.values());
                case NOT_IN -> r.key() + " not in " + set(r.values());
                case EXISTS -> "has(" + r.key() + ")";
                case DOES_NOT_EXIST -> "!has(" + r.key() + ")";
            });
        }
    }

    private static String set(Collection<String> values) {
        return values.stream().sorted().distinct().map(CalicoSelectors::quote)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quote(String value) {
        return "'" + value + "'";
    }
}
