package io.flowpol.inference.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The indexed matcher against the linear reference ({@link NetworkPolicyMatcher#firstMatchingRule}):
 * same rule index for generated policies and connections — ipBlocks with nested and
 * cross-family excepts, IPv6 (incl. blocks spanning the IPv4-mapped range), selector peers
 * mixed with ipBlocks in one rule, empty peer and port lists, named ports, endPort ranges.
 */
class IndexedNetworkPolicyTest {
    private static final int[] PROTOCOLS = {Protocol.TCP, Protocol.UDP, Protocol.SCTP};
    private static final String[] V4_BASES = {"10.0.0.0", "10.0.1.0", "10.0.1.128", "10.1.0.0", "192.168.0.0", "0.0.0.0"};
    private static final String[] V6_BASES = {"fd00::", "fd00::1:0", "fd00:0:0:1::", "2001:db8::", "::", "::fffe:0:0", "::1:0:0:0"};
    private static final String[] NAMESPACES = {"shop", "pay", "ops"};
    private static final String[] APPS = {"web", "api", "db"};
    private static final String[] PORT_NAMES = {"http", "metrics", "dns"};

    private final NetworkPolicyMatcher reference = new NetworkPolicyMatcher();

    @Test
    void generatedPoliciesDecideTheSameRuleAsTheLinearScan() {
        Random random = new Random(19);
        int matched = 0;
        int compared = 0;
        for (int p = 0; p < 400; p++) {
            NetworkPolicy policy = policy(random);
            IndexedNetworkPolicy indexed = new IndexedNetworkPolicy(policy);
            for (int c = 0; c < 200; c++) {
                Connection connection = new Connection(endpoint(random), pod(random), PROTOCOLS[random.nextInt(3)],
                        pickPort(random));
                for (PolicyType direction : PolicyType.values()) {
                    Connection asked = direction == PolicyType.INGRESS ? connection
                            : new Connection(pod(random), endpoint(random), connection.protocol(), connection.port());
                    int expected = reference.firstMatchingRule(policy, direction, asked);
                    assertEquals(expected, indexed.firstMatchingRule(reference, direction, asked),
                            () -> direction + " " + asked + " against " + policy);
                    // The listing's split: peers matched once, then ports per probe.
                    EvalEndpoint peer = direction == PolicyType.INGRESS ? asked.source() : asked.destination();
                    assertEquals(expected >= 0, indexed.portsAllow(reference, direction,
                            indexed.rulesMatchingPeer(reference, direction, peer), asked),
                            () -> "split: " + direction + " " + asked + " against " + policy);
                    compared++;
                    if (expected >= 0) {
                        matched++;
                    }
                }
            }
        }
        // The generator must reach both outcomes often, or the comparison proves little.
        assertTrue(matched > compared / 10 && matched < compared * 9 / 10, matched + " of " + compared);
    }

    @Test
    void cidrSetContainsWhatSomeBlockOfTheListContains() {
        Random random = new Random(7);
        for (int s = 0; s < 300; s++) {
            List<Cidr> blocks = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                blocks.add(cidr(random));
            }
            CidrSet set = CidrSet.of(blocks);
            for (int a = 0; a < 100; a++) {
                IpAddress address = address(random);
                assertEquals(blocks.stream().anyMatch(b -> b.contains(address)), set.contains(address),
                        () -> address + " in " + blocks);
            }
        }
    }

    @Test
    void exceptAndFamilyBoundariesAreExact() {
        IpBlock block = new IpBlock(Cidr.parse("10.0.0.0/16"), List.of(Cidr.parse("10.0.1.0/24"), Cidr.parse("10.0.1.128/25"),
                Cidr.parse("::/0")));
        IpBlock v6 = new IpBlock(Cidr.parse("::/0"), List.of(Cidr.parse("fd00::/8")));
        AddressRuleIndex index = new AddressRuleIndex.Builder().add(0, block).add(2, v6).add(2, block).build();
        assertArrayEquals(new int[] {0, 2}, index.rulesContaining(IpAddress.parse("10.0.0.255")));
        assertArrayEquals(new int[] {0, 2}, index.rulesContaining(IpAddress.parse("10.0.2.0")));
        assertArrayEquals(new int[0], index.rulesContaining(IpAddress.parse("10.0.1.0")));
        assertArrayEquals(new int[0], index.rulesContaining(IpAddress.parse("10.0.1.255")));
        assertArrayEquals(new int[0], index.rulesContaining(IpAddress.parse("10.1.0.0")));
        // ::/0 holds the IPv4-mapped range numerically but contains no IPv4 address.
        assertArrayEquals(new int[0], index.rulesContaining(IpAddress.parse("11.0.0.1")));
        assertArrayEquals(new int[] {2}, index.rulesContaining(IpAddress.parse("2001:db8::1")));
        assertArrayEquals(new int[0], index.rulesContaining(IpAddress.parse("fd00::1")));
        assertArrayEquals(new int[] {2}, index.rulesContaining(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertArrayEquals(new int[] {2}, index.rulesContaining(IpAddress.parse("::")));
        assertArrayEquals(new int[0], index.rulesContaining(null));
    }

    private static NetworkPolicy policy(Random random) {
        List<NetworkPolicyRule> ingress = rules(random);
        List<NetworkPolicyRule> egress = rules(random);
        return new NetworkPolicy(NAMESPACES[random.nextInt(3)], "p", null, null, LabelSelector.ALL,
                List.of(PolicyType.INGRESS, PolicyType.EGRESS), ingress, egress);
    }

    private static List<NetworkPolicyRule> rules(Random random) {
        List<NetworkPolicyRule> rules = new ArrayList<>();
        int count = random.nextInt(8);
        for (int r = 0; r < count; r++) {
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            int peerCount = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(6);
            for (int i = 0; i < peerCount; i++) {
                peers.add(random.nextInt(4) == 0 ? selectorPeer(random) : new NetworkPolicyPeer(null, null, ipBlock(random)));
            }
            List<NetworkPolicyPort> ports = new ArrayList<>();
            int portCount = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < portCount; i++) {
                ports.add(port(random));
            }
            rules.add(new NetworkPolicyRule(peers, ports));
        }
        return rules;
    }

    private static NetworkPolicyPeer selectorPeer(Random random) {
        LabelSelector pods = random.nextBoolean() ? LabelSelector.of(Map.of("app", APPS[random.nextInt(3)])) : null;
        LabelSelector namespaces = pods == null || random.nextBoolean()
                ? LabelSelector.of(Map.of("kubernetes.io/metadata.name", NAMESPACES[random.nextInt(3)])) : null;
        return new NetworkPolicyPeer(pods, namespaces, null);
    }

    private static IpBlock ipBlock(Random random) {
        Cidr cidr = cidr(random);
        List<Cidr> except = new ArrayList<>();
        int excepts = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
        for (int i = 0; i < excepts; i++) {
            // Mostly inside the block (as the API requires of real ones), sometimes anywhere.
            Cidr candidate = cidr(random);
            except.add(random.nextInt(4) == 0 || cidr.contains(candidate) ? candidate : narrow(cidr, random));
        }
        return new IpBlock(cidr, except);
    }

    private static Cidr narrow(Cidr cidr, Random random) {
        int max = cidr.base().isV4() ? 32 : 128;
        int prefix = Math.min(max, cidr.prefix() + 1 + random.nextInt(8));
        IpAddress inside = random(cidr, random);
        if (inside.isV4() != cidr.base().isV4()) {
            inside = cidr.base();
        }
        return new Cidr(inside, prefix);
    }

    private static IpAddress random(Cidr cidr, Random random) {
        AddressRuleIndex.Interval range = AddressRuleIndex.interval(cidr);
        long hostLo = range.last().lo() ^ range.first().lo();
        long hostHi = range.last().hi() ^ range.first().hi();
        // Small offsets near the edges and anywhere in between.
        long lo = switch (random.nextInt(3)) {
            case 0 -> random.nextInt(3);
            case 1 -> hostLo - random.nextInt(3);
            default -> random.nextLong();
        };
        return new IpAddress(cidr.base().hi() | (hostHi & (random.nextInt(2) == 0 ? 0 : random.nextLong())),
                cidr.base().lo() | (lo & hostLo));
    }

    private static Cidr cidr(Random random) {
        if (random.nextInt(3) > 0) {
            return new Cidr(IpAddress.parse(V4_BASES[random.nextInt(V4_BASES.length)]), pick(random, 0, 8, 16, 23, 24, 25, 31, 32));
        }
        return new Cidr(IpAddress.parse(V6_BASES[random.nextInt(V6_BASES.length)]), pick(random, 0, 8, 64, 95, 96, 112, 127, 128));
    }

    private static int pick(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    private static NetworkPolicyPort port(Random random) {
        int protocol = PROTOCOLS[random.nextInt(3)];
        return switch (random.nextInt(4)) {
            case 0 -> NetworkPolicyPort.named(protocol, PORT_NAMES[random.nextInt(3)]);
            case 1 -> new NetworkPolicyPort(protocol, 0, null, 0);
            case 2 -> {
                int first = pickPort(random);
                yield new NetworkPolicyPort(protocol, first, null, Math.min(65535, first + random.nextInt(100)));
            }
            default -> NetworkPolicyPort.number(protocol, pickPort(random));
        };
    }

    private static int pickPort(Random random) {
        return random.nextBoolean() ? pick(random, 53, 80, 443, 8080, 9090) : 1 + random.nextInt(65535);
    }

    private static EvalEndpoint endpoint(Random random) {
        return random.nextInt(3) == 0 ? EvalEndpoint.address(address(random)) : pod(random);
    }

    private static EvalEndpoint pod(Random random) {
        String namespace = NAMESPACES[random.nextInt(3)];
        List<ContainerPort> ports = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            ports.add(new ContainerPort(PORT_NAMES[random.nextInt(3)], pick(random, 53, 80, 8080, 9090),
                    PROTOCOLS[random.nextInt(3)]));
        }
        IpAddress ip = random.nextInt(8) == 0 ? null : address(random);
        return new EvalEndpoint(true, namespace, "pod", Map.of("app", APPS[random.nextInt(3)]),
                Map.of("kubernetes.io/metadata.name", namespace), null, ip, ports);
    }

    private static IpAddress address(Random random) {
        return random(cidr(random), random);
    }
}
