package io.flowpol.inference.policy;

import io.flowpol.inference.model.Cidr;
import java.util.List;

/**
 * One admin policy rule: its action, peers (OR) and ports (OR; empty = every port). A peer is
 * pods ({@link AdminSubject}) or, for egress, {@code networks}; {@code nodes} peers are kept so
 * that they match nothing rather than everything (flowpol's endpoints carry no node labels).
 */
public record AdminRule(String name, AdminAction action, List<AdminSubject> pods, List<Cidr> networks,
                        boolean nodes, List<AdminPort> ports) {
    public enum AdminAction { ALLOW, DENY, PASS }

    public AdminRule {
        if (action == null) {
            throw new IllegalArgumentException("action == null");
        }
        pods = pods == null ? List.of() : List.copyOf(pods);
        networks = networks == null ? List.of() : List.copyOf(networks);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
