package io.flowpol.inference.policy;

import io.flowpol.inference.model.LabelSelector;

/**
 * A NetworkPolicyPeer: either {@code ipBlock} alone, or podSelector and/or namespaceSelector
 * (both present means AND). A null selector is absent, which differs from an empty one:
 * a podSelector alone selects in the policy's own namespace.
 */
public record NetworkPolicyPeer(LabelSelector podSelector, LabelSelector namespaceSelector, IpBlock ipBlock) {
    public NetworkPolicyPeer {
        if (ipBlock != null && (podSelector != null || namespaceSelector != null)) {
            throw new IllegalArgumentException("ipBlock cannot be combined with selectors");
        }
        if (ipBlock == null && podSelector == null && namespaceSelector == null) {
            throw new IllegalArgumentException("peer is empty");
        }
    }
}
