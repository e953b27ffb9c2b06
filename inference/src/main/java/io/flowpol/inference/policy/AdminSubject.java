package io.flowpol.inference.policy;

import io.flowpol.inference.model.LabelSelector;

/**
 * The pods an admin policy applies to, or a rule's pod peer: every pod of the namespaces
 * {@code namespaces} matches, and when {@code pods} is set only those of its pods that match
 * it ({@code subject.pods} / {@code peer.pods} are a namespaceSelector and a podSelector).
 */
public record AdminSubject(LabelSelector namespaces, LabelSelector pods) {
    public AdminSubject {
        if (namespaces == null) {
            throw new IllegalArgumentException("namespaces == null");
        }
    }
}
