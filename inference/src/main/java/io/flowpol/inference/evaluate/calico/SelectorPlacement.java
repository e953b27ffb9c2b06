package io.flowpol.inference.evaluate.calico;

/**
 * Where a selector is written, for Calico's {@code global()} placement rule (libcalico-go
 * validator v3, and the CEL rule "global() can only be used in an EntityRule
 * namespaceSelector" in the projectcalico.org/v3 CRDs): a rule's
 * {@code source/destination.namespaceSelector} may be exactly {@code global()}; everywhere
 * else, and combined with anything, {@code global()} is invalid.
 */
public enum SelectorPlacement {
    /** A policy's {@code spec.selector}, {@code spec.namespaceSelector}, {@code spec.serviceAccountSelector}. */
    POLICY,
    /** A rule's {@code selector}, {@code notSelector} or {@code serviceAccounts.selector}. */
    ENTITY_SELECTOR,
    /** A rule's {@code namespaceSelector}. */
    ENTITY_NAMESPACE_SELECTOR;

    /** Null when the selector may be written here, otherwise what is wrong with it. */
    public String problem(CalicoSelector selector) {
        if (!selector.mentionsGlobal()) {
            return null;
        }
        if (this == ENTITY_NAMESPACE_SELECTOR) {
            return selector.isGlobal() ? null : "global() on its own, not combined with other expressions";
        }
        return "no global(): it is only allowed as a rule's whole namespaceSelector";
    }
}
