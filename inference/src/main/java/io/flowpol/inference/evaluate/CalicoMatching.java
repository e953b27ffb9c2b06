package io.flowpol.inference.evaluate;

import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.PolicyType;

/**
 * Calico matching semantics the {@code PolicyEngine} walks in tier and order: which endpoints a
 * Calico policy selects, which directions it governs, and which rule matches a connection.
 * Kept behind an interface so the engine's tier walk and Calico's selector language stay
 * separate concerns.
 */
public interface CalicoMatching {

    /** True when the policy's selector (and namespace / serviceAccountSelector) selects the endpoint. */
    boolean selects(CalicoPolicy policy, EvalEndpoint endpoint);

    /** True when the policy governs the direction ({@code types}, with Calico's defaulting). */
    boolean governs(CalicoPolicy policy, PolicyType direction);

    /**
     * Index of the first rule of {@code direction} that matches the connection (the peer is
     * the source for ingress and the destination for egress), or -1.
     */
    int firstMatchingRule(CalicoPolicy policy, PolicyType direction, Connection connection);
}
