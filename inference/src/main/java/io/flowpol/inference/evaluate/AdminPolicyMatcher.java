package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.AdminPort;
import io.flowpol.inference.policy.AdminRule;
import io.flowpol.inference.policy.AdminSubject;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.List;

/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy semantics (policy.networking.k8s.io/v1alpha1,
 * https://network-policy-api.sigs.k8s.io/reference/spec/): which pods a policy's subject
 * selects, and the first rule that matches a connection. The action is the engine's to apply.
 * Stateless.
 */
final class AdminPolicyMatcher {
    /** A pod whose namespace matches {@code namespaces} and whose labels match {@code pods}, when set. */
    boolean selects(AdminSubject subject, EvalEndpoint endpoint) {
        return endpoint.pod()
                && subject.namespaces().matches(NetworkPolicyMatcher.namespaceLabels(endpoint))
                && (subject.pods() == null || subject.pods().matches(endpoint.labels()));
    }

    /** A policy governs a direction it has rules for: without rules it cannot decide anything there. */
    boolean governs(AdminNetworkPolicy policy, PolicyType direction) {
        return !(direction == PolicyType.INGRESS ? policy.ingress() : policy.egress()).isEmpty();
    }

    /** Index of the first rule of the direction matching the connection, or -1. */
    int firstMatchingRule(AdminNetworkPolicy policy, PolicyType direction, Connection connection) {
        List<AdminRule> rules = direction == PolicyType.INGRESS ? policy.ingress() : policy.egress();
        EvalEndpoint peer = direction == PolicyType.INGRESS ? connection.source() : connection.destination();
        for (int i = 0; i < rules.size(); i++) {
            AdminRule rule = rules.get(i);
            if (peerMatches(rule, peer) && portsMatch(rule.ports(), connection)) {
                return i;
            }
        }
        return -1;
    }

    private boolean peerMatches(AdminRule rule, EvalEndpoint peer) {
        for (AdminSubject pods : rule.pods()) {
            if (selects(pods, peer)) {
                return true;
            }
        }
        if (peer.ip() != null) {
            for (Cidr network : rule.networks()) {
                if (network.contains(peer.ip())) {
                    return true;
                }
            }
        }
        return false; // nodes peers: flowpol's endpoints carry no node labels, so they match nothing
    }

    /** Ports are OR-ed; none means every port. A named port resolves against the destination pod. */
    private static boolean portsMatch(List<AdminPort> ports, Connection connection) {
        if (ports.isEmpty()) {
            return true;
        }
        for (AdminPort p : ports) {
            if (p.name() != null) {
                for (ContainerPort declared : connection.destination().ports()) {
                    if (p.name().equals(declared.name()) && declared.protocol() == connection.protocol()
                            && declared.port() == connection.port()) {
                        return true;
                    }
                }
            } else if (p.protocol() == connection.protocol() && p.first() <= connection.port()
                    && connection.port() <= p.last()) {
                return true;
            }
        }
        return false;
    }
}
