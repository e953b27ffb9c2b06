package io.flowpol.inference.synthesize;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPolicy.CalicoKind;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.CalicoRule.CalicoAction;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.inference.timeline.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthesized policy model in Calico's own dialect (issue 16 item 1): every policy in the
 * {@value #TIER} tier, which Calico evaluates after the {@code kube-admin} tier (order 1000) and
 * before {@code default} (1,000,000), where Kubernetes NetworkPolicies live. Within it, by
 * {@code order}: the guards as before (kubelet 100, metadata 110, API server 200 and 210), per
 * workload a namespaced NetworkPolicy ({@value #WORKLOAD_ORDER}) whose rules are its Kubernetes
 * rules ({@link CalicoRuleTranslator}) plus its observed ICMP and other protocols that Kubernetes
 * cannot express (the Kubernetes dialect's {@code flowpol-allow-other-protocols}), and per namespace
 * a final default deny ({@value #DEFAULT_DENY_ORDER}) that allows DNS to kube-dns and then denies
 * explicitly, so the tier never hands an isolated pod on to the default tier. External address
 * groups become GlobalNetworkSets ({@link CalicoNetworkSets}).
 *
 * <p>Policy names carry the tier as prefix ({@code flowpol.<name>}): Calico before v3.32 requires
 * it for a policy outside the default tier, and later versions accept it.
 */
public final class CalicoDialect {
    public static final String TIER = "flowpol";
    /** After kube-admin (1000, AdminNetworkPolicy), before default (1,000,000). */
    public static final double TIER_ORDER = 1500;
    public static final double WORKLOAD_ORDER = 1000;
    public static final double DEFAULT_DENY_ORDER = 10000;

    private final PeerMapper mapper;
    private final List<Cidr> vpc;

    /** @param vpc the in-VPC blocks: addresses inside stay {@code nets}, others go to GlobalNetworkSets */
    public CalicoDialect(ClusterTimeline cluster, SynthesisOptions options, List<Cidr> vpc) {
        if (cluster == null || options == null || vpc == null) {
            throw new IllegalArgumentException("cluster, options and vpc are required");
        }
        this.mapper = new PeerMapper(cluster, options);
        this.vpc = List.copyOf(vpc);
    }

    /** The Calico name of a flowpol policy: the tier, a dot, the name without its {@code flowpol-} prefix. */
    public static String policyName(String name) {
        return TIER + "." + (name.startsWith(TIER + "-") ? name.substring(TIER.length() + 1) : name);
    }

    /** The same policies as Calico resources, with their evidence, for rendering and the equivalence check. */
    public SynthesizedPolicies translate(SynthesizedPolicies kubernetes) {
        CalicoNetworkSets sets = new CalicoNetworkSets();
        CalicoRuleTranslator translator = new CalicoRuleTranslator(vpc, sets);
        Map<List<Object>, RuleEvidence> evidence = new HashMap<>();
        kubernetes.evidence().forEach(e -> evidence.put(key(e.namespace(), e.policy(), e.direction(), e.rule()), e));
        List<RuleEvidence> outEvidence = new ArrayList<>();
        List<CalicoPolicy> out = new ArrayList<>();
        for (CalicoPolicy guard : kubernetes.policies().calicoPolicies()) {
            if (guard.name().equals(OtherProtocolRules.NAME)) {
                continue; // its rules go to the workloads' own policies below
            }
            String name = policyName(guard.name());
            out.add(new CalicoPolicy(guard.kind(), guard.namespace(), name, TIER, guard.order(), guard.selector(),
                    guard.namespaceSelector(), guard.serviceAccountSelector(), guard.types(), guard.ingress(),
                    guard.egress()));
            for (PolicyType direction : PolicyType.values()) {
                int rules = (direction == PolicyType.INGRESS ? guard.ingress() : guard.egress()).size();
                for (int i = 0; i < rules; i++) {
                    RuleEvidence e = evidence.get(key(null, guard.name(), direction, i));
                    if (e != null) {
                        outEvidence.add(rekey(e, null, name, i));
                    }
                }
            }
        }
        OtherProtocols other = otherProtocols(kubernetes);
        for (NetworkPolicy policy : kubernetes.policies().networkPolicies()) {
            out.add(workloadPolicy(policy, translator, evidence, other, outEvidence));
        }
        out.sort(Comparator.comparing((CalicoPolicy p) -> p.namespace() == null ? "" : p.namespace())
                .thenComparing(CalicoPolicy::name));
        List<UnexpressibleEdge> unexpressible = kubernetes.unexpressible().stream()
                .map(u -> u.allowedByCalico() ? new UnexpressibleEdge(u.edge(), other.allowedBy.get(u.edge())) : u)
                .toList();
        return new SynthesizedPolicies(new PolicySet(List.of(), out, List.of(), sets.all()), outEvidence, kubernetes.leftOut(),
                unexpressible, kubernetes.findings(), kubernetes.internetClients());
    }

    private CalicoPolicy workloadPolicy(NetworkPolicy policy, CalicoRuleTranslator translator,
                                        Map<List<Object>, RuleEvidence> evidence, OtherProtocols other,
                                        List<RuleEvidence> outEvidence) {
        String name = policyName(policy.name());
        boolean defaultDeny = policy.name().equals(PolicyNames.DEFAULT_DENY);
        Map<PolicyType, List<CalicoRule>> rules = new LinkedHashMap<>();
        for (PolicyType direction : PolicyType.values()) {
            List<CalicoRule> list = new ArrayList<>();
            List<NetworkPolicyRule> source = direction == PolicyType.INGRESS ? policy.ingress() : policy.egress();
            for (int i = 0; i < source.size(); i++) {
                RuleEvidence e = evidence.get(key(policy.namespace(), policy.name(), direction, i));
                for (CalicoRule rule : translator.translate(source.get(i), direction)) {
                    if (e != null) {
                        outEvidence.add(rekey(e, policy.namespace(), name, list.size()));
                    }
                    list.add(rule);
                }
            }
            Map<CalicoRule, List<Edge>> extra = other.rules.getOrDefault(key(policy.namespace(), policy.name(), direction),
                    Map.of());
            extra.forEach((rule, edges) -> {
                outEvidence.add(new RuleEvidence(policy.namespace(), name, direction, list.size(), edges));
                list.add(rule);
            });
            if (defaultDeny) {
                list.add(new CalicoRule(CalicoAction.DENY, null, null, null, null, null));
            }
            rules.put(direction, list);
        }
        return new CalicoPolicy(CalicoKind.NETWORK_POLICY, policy.namespace(), name, TIER,
                defaultDeny ? DEFAULT_DENY_ORDER : WORKLOAD_ORDER, CalicoSelectors.labels(policy.podSelector()), null,
                null, policy.policyTypes(), rules.get(PolicyType.INGRESS), rules.get(PolicyType.EGRESS));
    }

    /** Rules for the edges beyond Kubernetes, by (namespace, Kubernetes policy, direction), and who allows each edge. */
    private record OtherProtocols(Map<List<Object>, Map<CalicoRule, List<Edge>>> rules, Map<Edge, String> allowedBy) {
    }

    /**
     * The edges the Kubernetes dialect allows in {@code flowpol-allow-other-protocols}, as rules of
     * the client's egress and the server's ingress, each in its workload's own policy.
     */
    private OtherProtocols otherProtocols(SynthesizedPolicies kubernetes) {
        Map<List<Object>, NetworkPolicy> byWorkload = new HashMap<>();
        for (NetworkPolicy p : kubernetes.policies().networkPolicies()) {
            if (!p.name().equals(PolicyNames.DEFAULT_DENY)) {
                byWorkload.putIfAbsent(List.of(p.namespace(), p.podSelector()), p);
            }
        }
        Map<List<Object>, Map<CalicoRule, List<Edge>>> rules = new HashMap<>();
        Map<Edge, String> allowedBy = new HashMap<>();
        for (UnexpressibleEdge u : kubernetes.unexpressible()) {
            if (!u.allowedByCalico()) {
                continue;
            }
            Edge edge = u.edge();
            NetworkPolicy client = policyOf(edge.client(), byWorkload);
            NetworkPolicy server = policyOf(edge.server(), byWorkload);
            if (client != null) {
                for (CalicoRule rule : rules(edge.protocol(), edge.server(), PolicyType.EGRESS)) {
                    rules.computeIfAbsent(key(client.namespace(), client.name(), PolicyType.EGRESS), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rule, k -> new ArrayList<>()).add(edge);
                }
            }
            if (server != null) {
                for (CalicoRule rule : rules(edge.protocol(), edge.client(), PolicyType.INGRESS)) {
                    rules.computeIfAbsent(key(server.namespace(), server.name(), PolicyType.INGRESS), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rule, k -> new ArrayList<>()).add(edge);
                }
            }
            NetworkPolicy named = client != null ? client : server;
            allowedBy.put(edge, named == null ? u.calicoPolicy() : policyName(named.name()));
        }
        return new OtherProtocols(rules, allowedBy);
    }

    private NetworkPolicy policyOf(Peer peer, Map<List<Object>, NetworkPolicy> byWorkload) {
        if (peer.kind() != Peer.Kind.WORKLOAD) {
            return null;
        }
        Workload w = mapper.workload(peer.workload());
        return w == null ? null : byWorkload.get(List.of(w.id().namespace(), w.selector()));
    }

    /**
     * Allow {@code protocol} to or from {@code peer}: a workload by its selectors, addresses inline
     * as {@code nets} of the protocol's family (one rule per family for other protocols: Calico
     * rejects a rule whose nets mix them).
     */
    private List<CalicoRule> rules(int protocol, Peer peer, PolicyType direction) {
        String name = Protocol.name(protocol);
        List<CalicoRule> out = new ArrayList<>();
        for (NetworkPolicyPeer p : mapper.map(peer)) {
            CalicoEntityRule entity;
            Integer ipVersion = null;
            if (p.ipBlock() == null) {
                entity = new CalicoEntityRule(p.podSelector() == null ? null : CalicoSelectors.labels(p.podSelector()),
                        null, p.namespaceSelector() == null ? null : CalicoSelectors.labels(p.namespaceSelector()),
                        null, null, null, null, null);
            } else {
                int version = p.ipBlock().cidr().base().isV4() ? 4 : 6;
                if ((protocol == Protocol.ICMP && version == 6) || (protocol == Protocol.ICMPV6 && version == 4)) {
                    continue;
                }
                ipVersion = protocol == Protocol.ICMP || protocol == Protocol.ICMPV6 ? null : version;
                entity = new CalicoEntityRule(null, null, null, null, List.of(p.ipBlock().cidr()), p.ipBlock().except(),
                        null, null);
            }
            out.add(direction == PolicyType.INGRESS
                    ? new CalicoRule(CalicoAction.ALLOW, name, null, ipVersion, entity, null)
                    : new CalicoRule(CalicoAction.ALLOW, name, null, ipVersion, null, entity));
        }
        return out;
    }

    private static RuleEvidence rekey(RuleEvidence e, String namespace, String policy, int rule) {
        return new RuleEvidence(namespace, policy, e.direction(), rule, e.edges(), e.snat(), e.internet());
    }

    private static List<Object> key(Object... parts) {
        return java.util.Arrays.asList(parts);
    }

}
