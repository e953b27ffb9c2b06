package io.flowpol.inference.diff;

import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The numeric ports a policy set names (first and last of each range), packed as
 * {@code protocol << 16 | port}: where reachability between two workloads can change, so the
 * diff probes them besides the servers' declared and observed ports.
 */
public final class PolicyPorts {
    private PolicyPorts() {
    }

    public static Set<Long> of(PolicySet... sets) {
        Set<Long> ports = new TreeSet<>();
        for (PolicySet set : sets) {
            for (NetworkPolicy p : set.networkPolicies()) {
                Stream.concat(p.ingress().stream(), p.egress().stream()).map(NetworkPolicyRule::ports)
                        .flatMap(List::stream).forEach(port -> add(ports, port));
            }
            for (CalicoPolicy p : set.calicoPolicies()) {
                Stream.concat(p.ingress().stream(), p.egress().stream()).forEach(rule -> add(ports, rule));
            }
        }
        return ports;
    }

    private static void add(Set<Long> ports, NetworkPolicyPort port) {
        if (port.port() > 0) {
            ports.add(ConnectivityDiffer.pack(port.protocol(), port.port()));
            if (port.endPort() > 0) {
                ports.add(ConnectivityDiffer.pack(port.protocol(), port.endPort()));
            }
        }
    }

    private static void add(Set<Long> ports, CalicoRule rule) {
        int protocol = rule.protocol() == null ? Protocol.TCP : Protocol.parse(rule.protocol());
        if (protocol < 0) {
            return;
        }
        for (CalicoEntityRule side : List.of(rule.destination())) {
            for (CalicoPort p : side.ports()) {
                if (p.name() == null) {
                    ports.add(ConnectivityDiffer.pack(protocol, p.first()));
                    ports.add(ConnectivityDiffer.pack(protocol, p.last()));
                }
            }
        }
    }
}
