package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The port boundaries of a policy set, per protocol: every port where some rule's port match
 * can start or stop. Between two consecutive boundaries every policy decides the same way, so
 * {@link PolicyEngine#allowedConnections} probes one port per segment. Named ports add the
 * destination's declared ports, which is where they can resolve.
 */
final class PortCuts {
    private final Map<Integer, TreeSet<Integer>> byProtocol;
    /** Boundaries of rules without a protocol (Calico): they cut every protocol. */
    private final TreeSet<Integer> anyProtocol;
    private final Map<Integer, int[]> starts = new java.util.concurrent.ConcurrentHashMap<>();

    private PortCuts(Map<Integer, TreeSet<Integer>> byProtocol, TreeSet<Integer> anyProtocol) {
        this.byProtocol = byProtocol;
        this.anyProtocol = anyProtocol;
    }

    static PortCuts of(PolicySet policies) {
        PortCuts cuts = new PortCuts(new HashMap<>(), new TreeSet<>());
        for (NetworkPolicy policy : policies.networkPolicies()) {
            cuts.addKubernetes(policy.ingress());
            cuts.addKubernetes(policy.egress());
        }
        for (CalicoPolicy policy : policies.calicoPolicies()) {
            cuts.addCalico(policy.ingress());
            cuts.addCalico(policy.egress());
        }
        return cuts;
    }

    private void addKubernetes(List<NetworkPolicyRule> rules) {
        for (NetworkPolicyRule rule : rules) {
            for (NetworkPolicyPort port : rule.ports()) {
                if (port.port() != 0) {
                    int last = port.endPort() == 0 ? port.port() : port.endPort();
                    add(byProtocol.computeIfAbsent(port.protocol(), p -> new TreeSet<>()), port.port(), last);
                }
            }
        }
    }

    private void addCalico(List<CalicoRule> rules) {
        for (CalicoRule rule : rules) {
            int protocol = rule.protocol() == null ? -1 : Protocol.parse(rule.protocol());
            TreeSet<Integer> target = protocol < 0 ? anyProtocol : byProtocol.computeIfAbsent(protocol, p -> new TreeSet<>());
            // Only destination ports constrain the port a connection is decided on.
            CalicoEntityRule destination = rule.destination();
            for (CalicoPort port : destination.ports()) {
                if (port.name() == null) {
                    add(target, port.first(), port.last());
                }
            }
            for (CalicoPort port : destination.notPorts()) {
                if (port.name() == null) {
                    add(target, port.first(), port.last());
                }
            }
        }
    }

    private static void add(TreeSet<Integer> cuts, int first, int last) {
        cuts.add(first);
        cuts.add(last + 1);
    }

    /** Ascending segment starts in 1..65535 for the protocol towards this destination. */
    int[] segmentStarts(int protocol, EvalEndpoint destination) {
        int[] base = starts.computeIfAbsent(protocol, this::baseStarts);
        boolean declares = false;
        for (ContainerPort declared : destination.ports()) {
            declares |= declared.protocol() == protocol;
        }
        if (!declares) {
            return base;
        }
        TreeSet<Integer> merged = new TreeSet<>();
        for (int start : base) {
            merged.add(start);
        }
        for (ContainerPort declared : destination.ports()) {
            if (declared.protocol() == protocol) {
                merged.add(declared.port());
                merged.add(declared.port() + 1);
            }
        }
        return clamp(merged);
    }

    /** The policy set's own boundaries for a protocol, computed once (the listing hot path). */
    private int[] baseStarts(int protocol) {
        TreeSet<Integer> merged = new TreeSet<>(anyProtocol);
        merged.addAll(byProtocol.getOrDefault(protocol, new TreeSet<>()));
        return clamp(merged);
    }

    private static int[] clamp(TreeSet<Integer> cuts) {
        cuts.add(PortSet.MIN_PORT);
        return cuts.subSet(PortSet.MIN_PORT, true, PortSet.MAX_PORT, true).stream().mapToInt(Integer::intValue).toArray();
    }
}
