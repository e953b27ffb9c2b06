package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A replay measurement, not a test (issue 19): an ingress controller's policy with
 * {@code peers} ipBlock /32 peers (plus a 10.0.0.0/8 rule with excepts and a selector rule)
 * over 5 ports, and {@code edges} connections from client addresses, half of them allowed.
 * Times {@link PolicyEngine#allows} (indexed) on all of them and the linear reference
 * ({@link NetworkPolicyMatcher#firstMatchingRule}, the pre-index engine's rule search) on a
 * sample, checking both name the same rule. Run:
 * {@code java -cp inference/target/classes:inference/target/test-classes
 * io.flowpol.inference.evaluate.PolicyReplayMeasurement [edges] [peers] [linear-sample]}.
 */
public final class PolicyReplayMeasurement {
    private static final int[] PORTS = {80, 443, 8443, 10254, 9000};

    private PolicyReplayMeasurement() {
    }

    public static void main(String[] args) {
        int edges = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int peers = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Random random = new Random(19);
        List<IpAddress> clients = new ArrayList<>();
        List<List<NetworkPolicyPeer>> byPort = new ArrayList<>();
        for (int p = 0; p < PORTS.length; p++) {
            byPort.add(new ArrayList<>());
        }
        for (int i = 0; i < peers; i++) {
            IpAddress client = IpAddress.ofV4(0x2C00_0000 + random.nextInt(0x1000_0000));
            clients.add(client);
            byPort.get(i % PORTS.length).add(new NetworkPolicyPeer(null, null, new IpBlock(Cidr.host(client), List.of())));
        }
        List<NetworkPolicyRule> rules = new ArrayList<>();
        rules.add(new NetworkPolicyRule(List.of(new NetworkPolicyPeer(null, null, new IpBlock(Cidr.parse("10.0.0.0/8"),
                List.of(Cidr.parse("10.1.0.0/16"), Cidr.parse("10.2.0.0/16"))))), List.of(NetworkPolicyPort.number(Protocol.TCP, 10254))));
        rules.add(new NetworkPolicyRule(List.of(new NetworkPolicyPeer(LabelSelector.of(Map.of("app", "prometheus")), null, null)),
                List.of(NetworkPolicyPort.number(Protocol.TCP, 10254))));
        for (int p = 0; p < PORTS.length; p++) {
            rules.add(new NetworkPolicyRule(byPort.get(p), List.of(NetworkPolicyPort.number(Protocol.TCP, PORTS[p]))));
        }
        NetworkPolicy policy = new NetworkPolicy("ingress-nginx", "ingress-nginx-controller", null, null,
                LabelSelector.of(Map.of("app", "ingress-nginx")), List.of(PolicyType.INGRESS), rules, List.of());
        EvalEndpoint controller = new EvalEndpoint(true, "ingress-nginx", "controller", Map.of("app", "ingress-nginx"),
                Map.of("kubernetes.io/metadata.name", "ingress-nginx"), null, IpAddress.parse("10.0.5.17"), List.of());
        List<Connection> connections = new ArrayList<>(edges);
        for (int i = 0; i < edges; i++) {
            IpAddress from = random.nextBoolean() ? clients.get(random.nextInt(clients.size()))
                    : IpAddress.ofV4(0x2C00_0000 + random.nextInt(0x1000_0000));
            connections.add(new Connection(EvalEndpoint.address(from), controller, Protocol.TCP, PORTS[random.nextInt(PORTS.length)]));
        }

        long began = System.nanoTime();
        PolicyEngine engine = new PolicyEngine(new PolicySet(List.of(policy), List.of()), null);
        double build = (System.nanoTime() - began) / 1e9;
        began = System.nanoTime();
        int allowed = 0;
        for (Connection c : connections) {
            if (engine.allows(c).allowed()) {
                allowed++;
            }
        }
        double indexed = (System.nanoTime() - began) / 1e9;
        System.out.printf("indexed: index built in %.2f s; %d edges against %d peers in %.2f s (%.0f edges/s), %d allowed%n",
                build, edges, peers, indexed, edges / indexed, allowed);

        NetworkPolicyMatcher linear = new NetworkPolicyMatcher();
        IndexedNetworkPolicy index = new IndexedNetworkPolicy(policy);
        began = System.nanoTime();
        int differ = 0;
        int n = Math.min(sample, edges);
        for (int i = 0; i < n; i++) {
            Connection c = connections.get(i);
            if (linear.firstMatchingRule(policy, PolicyType.INGRESS, c) != index.firstMatchingRule(linear, PolicyType.INGRESS, c)) {
                differ++;
            }
        }
        double reference = (System.nanoTime() - began) / 1e9;
        System.out.printf("linear reference: %d edges in %.2f s (%.0f edges/s; %d edges would take ~%.0f s); %d verdicts differ%n",
                n, reference, n / reference, edges, reference * edges / n, differ);
    }
}
