package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.AdminPort;
import io.flowpol.inference.policy.AdminRule;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The port boundaries of some policies, per protocol: every port where some rule's port match
 * can start or stop. Between two consecutive boundaries every one of them decides the same way,
 * so {@link PolicyEngine#allowedConnections} probes one port per segment, and only the cuts of
 * the policies selecting either end matter (a set's other policies never take part). Named
 * ports add the destination's declared ports, which is where they can resolve.
 */
final class PortCuts {
    private final Map<Integer, TreeSet<Integer>> byProtocol;
    /** Boundaries of rules without a protocol (Calico): they cut every protocol. */
    private final TreeSet<Integer> anyProtocol;
    /** Whether a rule names a port: only then do the destination's declared ports cut. */
    private boolean namedPorts;
    private final Map<Integer, int[]> starts = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per protocol and declared ports: pods of one workload share them, and listings ask per probe. */
    private final Map<List<Object>, int[]> withDeclared = new java.util.concurrent.ConcurrentHashMap<>();

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
        for (AdminNetworkPolicy policy : policies.adminPolicies()) {
            cuts.addAdmin(policy.ingress());
            cuts.addAdmin(policy.egress());
        }
        return cuts;
    }

    private void addAdmin(List<AdminRule> rules) {
        for (AdminRule rule : rules) {
            for (AdminPort port : rule.ports()) {
                namedPorts |= port.name() != null;
                if (port.name() == null) {
                    add(byProtocol.computeIfAbsent(port.protocol(), p -> new TreeSet<>()), port.first(), port.last());
                }
            }
        }
    }

    /**
     * Segment starts for a connection whose source's egress is cut by {@code egress} and whose
     * destination's ingress by {@code ingress}: the union of both.
     */
    static int[] segmentStarts(int protocol, PortCuts egress, PortCuts ingress, EvalEndpoint destination) {
        int[] a = egress.segmentStarts(protocol, destination);
        int[] b = ingress.segmentStarts(protocol, destination);
        if (a.length == 1 || a == b) {
            return b; // {1}: no cut at all on that side
        }
        if (b.length == 1) {
            return a;
        }
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            if (i < a.length && a[i] == next) {
                i++;
            }
            if (j < b.length && b[j] == next) {
                j++;
            }
            out[n++] = next;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private void addKubernetes(List<NetworkPolicyRule> rules) {
        for (NetworkPolicyRule rule : rules) {
            for (NetworkPolicyPort port : rule.ports()) {
                namedPorts |= port.portName() != null;
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
                namedPorts |= port.name() != null;
                if (port.name() == null) {
                    add(target, port.first(), port.last());
                }
            }
            for (CalicoPort port : destination.notPorts()) {
                namedPorts |= port.name() != null;
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
        if (!namedPorts) {
            return base;
        }
        boolean declares = false;
        for (ContainerPort declared : destination.ports()) {
            declares |= declared.protocol() == protocol;
        }
        if (!declares) {
            return base;
        }
        return withDeclared.computeIfAbsent(List.of(protocol, destination.ports()), k -> merged(base, protocol, destination));
    }

    private static int[] merged(int[] base, int protocol, EvalEndpoint destination) {
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
