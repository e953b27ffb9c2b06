package io.flowpol.inference.evaluate;

import io.flowpol.inference.policy.AdminNetworkPolicy;
import io.flowpol.inference.policy.AdminRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays connections against a {@link PolicySet} the way Calico enforces it, Kubernetes
 * NetworkPolicies included (they are order-1000 Allow-only policies in tier {@code default}).
 * A connection is allowed when the source's egress and the destination's ingress both allow
 * it; an end that is not a pod is not subject to policy on its side. Two entry points over one
 * walk (STYLE.md habit 4): {@link #allows} for replaying one flow, {@link #allowedConnections}
 * for listing what one endpoint may open to another. Knows nothing about output formats.
 */
public final class PolicyEngine {
    private final List<RankedPolicy> ranked;
    private final CalicoMatching calico;
    private final NetworkPolicyMatcher kubernetes = new NetworkPolicyMatcher();
    private final AdminPolicyMatcher admin = new AdminPolicyMatcher();
    /** Per NetworkPolicy (by identity), its rules indexed for replay: N·log R, not N·R (issue 19). */
    private final Map<NetworkPolicy, IndexedNetworkPolicy> indexed = new IdentityHashMap<>();
    /**
     * Per label set and direction, the enforced policies that select it: listings ask once per
     * probe, and walking every policy's selectors each time was most of their cost.
     */
    private final Map<Selection, Applying> applying = new ConcurrentHashMap<>();

    /** What decides whether a policy selects an endpoint: its namespace, labels and service account. */
    private record Selection(PolicyType direction, String namespace, Map<String, String> labels,
                             Map<String, String> namespaceLabels, String serviceAccount) {
    }

    /**
     * The policies selecting a label set for one direction, in evaluation order, with each
     * NetworkPolicy's index ({@code null} for a Calico policy) and their port cuts.
     */
    private record Applying(List<RankedPolicy> policies, IndexedNetworkPolicy[] indexed, PortCuts cuts, PolicySet set) {
        static final Applying NONE = new Applying(List.of(), new IndexedNetworkPolicy[0], PortCuts.of(PolicySet.EMPTY),
                PolicySet.EMPTY);
    }

    private Applying applyingOf(List<RankedPolicy> policies) {
        List<NetworkPolicy> kubernetes = new ArrayList<>();
        List<CalicoPolicy> calicoPolicies = new ArrayList<>();
        List<AdminNetworkPolicy> adminPolicies = new ArrayList<>();
        IndexedNetworkPolicy[] index = new IndexedNetworkPolicy[policies.size()];
        for (int i = 0; i < policies.size(); i++) {
            RankedPolicy p = policies.get(i);
            if (p.kubernetes() != null) {
                kubernetes.add(p.kubernetes());
                index[i] = indexed.get(p.kubernetes());
            } else if (p.calico() != null) {
                calicoPolicies.add(p.calico());
            } else {
                adminPolicies.add(p.admin());
            }
        }
        PolicySet set = new PolicySet(kubernetes, calicoPolicies, adminPolicies, List.of());
        return new Applying(List.copyOf(policies), index, PortCuts.of(set), set);
    }

    /**
     * @param calico Calico matching semantics; may be null only when the set has no Calico policy
     * @throws IllegalArgumentException when the set has Calico policies and {@code calico} is null
     */
    public PolicyEngine(PolicySet policies, CalicoMatching calico) {
        if (policies == null) {
            throw new IllegalArgumentException("policies == null");
        }
        if (calico == null && !policies.calicoPolicies().isEmpty()) {
            throw new IllegalArgumentException("calico == null but the set has Calico policies");
        }
        List<RankedPolicy> all = new ArrayList<>();
        policies.networkPolicies().forEach(p -> all.add(RankedPolicy.of(p)));
        policies.calicoPolicies().forEach(p -> all.add(RankedPolicy.of(p)));
        policies.adminPolicies().forEach(p -> all.add(RankedPolicy.of(p)));
        all.sort(RankedPolicy.EVALUATION_ORDER);
        this.ranked = List.copyOf(all);
        this.calico = calico;
        for (NetworkPolicy p : policies.networkPolicies()) {
            indexed.computeIfAbsent(p, IndexedNetworkPolicy::new);
        }
    }

    /** The verdict for one connection, enforced policies only and with staged ones too. */
    public Verdict allows(Connection connection) {
        DirectionDecision egress = decide(PolicyType.EGRESS, connection, false);
        DirectionDecision ingress = decide(PolicyType.INGRESS, connection, false);
        boolean staged = decide(PolicyType.EGRESS, connection, true).allowed()
                && decide(PolicyType.INGRESS, connection, true).allowed();
        return new Verdict(egress.allowed() && ingress.allowed(), egress.reason(), ingress.reason(), staged);
    }

    /**
     * Every connection (TCP, UDP and SCTP ports) that {@code source} may open to
     * {@code destination} under the enforced policies: the listing entry point behind
     * "which workload pairs changed reachability". Exact: the decision is constant between
     * consecutive port boundaries of the policy set and the destination's declared ports, so
     * one probe per segment decides the whole segment.
     */
    public ConnectionSet allowedConnections(EvalEndpoint source, EvalEndpoint destination) {
        // Which policies apply does not depend on the port: find them once per label set.
        Applying egress = applying(PolicyType.EGRESS, source);
        Applying ingress = applying(PolicyType.INGRESS, destination);
        if (egress.policies().isEmpty() && ingress.policies().isEmpty()) {
            return ConnectionSet.ALL;
        }
        // The peer is the same for every probe: match NetworkPolicy peers once, then only ports.
        int[][] egressRules = rulesMatchingPeer(egress, PolicyType.EGRESS, destination);
        int[][] ingressRules = rulesMatchingPeer(ingress, PolicyType.INGRESS, source);
        ConnectionSet result = ConnectionSet.NONE;
        for (int protocol : ConnectionSet.POLICY_PROTOCOLS) {
            int[] starts = PortCuts.segmentStarts(protocol, egress.cuts(), ingress.cuts(), destination);
            PortSet allowed = PortSet.EMPTY;
            int runStart = -1; // first port of the current run of allowed segments
            for (int i = 0; i < starts.length; i++) {
                Connection probe = new Connection(source, destination, protocol, starts[i]);
                boolean permitted = permits(egress, egressRules, PolicyType.EGRESS, probe)
                        && permits(ingress, ingressRules, PolicyType.INGRESS, probe);
                if (permitted && runStart < 0) {
                    runStart = starts[i];
                } else if (!permitted && runStart >= 0) {
                    allowed = allowed.union(PortSet.range(runStart, starts[i] - 1));
                    runStart = -1;
                }
            }
            if (runStart >= 0) {
                allowed = allowed.union(PortSet.range(runStart, PortSet.MAX_PORT));
            }
            result = result.union(ConnectionSet.of(protocol, allowed));
        }
        return result;
    }

    /**
     * The enforced policies that select the endpoint for the direction (none for a non-pod). Only
     * their rules decide that side, so a listing towards bare addresses can only change where
     * one of their CIDRs begins or ends.
     */
    public PolicySet selecting(EvalEndpoint endpoint, PolicyType direction) {
        return applying(direction, endpoint).set();
    }

    /**
     * One direction at one endpoint: the source for egress, the destination for ingress.
     * Tiers in order; within a tier the first matching rule decides (Allow, Deny), Pass skips
     * to the next tier, Log goes on; a tier that selected the endpoint and matched nothing
     * denies. With {@code withStaged}, staged policies count as enforced.
     */
    public DirectionDecision decide(PolicyType direction, Connection connection, boolean withStaged) {
        EvalEndpoint endpoint = direction == PolicyType.EGRESS ? connection.source() : connection.destination();
        if (!endpoint.pod()) {
            return DirectionDecision.NOT_A_POD;
        }
        return walk(withStaged ? applicable(direction, endpoint, true) : applying(direction, endpoint).policies(),
                direction, connection);
    }

    /** The policies that select the endpoint for the direction, in evaluation order. */
    private List<RankedPolicy> applicable(PolicyType direction, EvalEndpoint endpoint, boolean withStaged) {
        List<RankedPolicy> out = new ArrayList<>();
        if (!endpoint.pod()) {
            return out;
        }
        for (RankedPolicy policy : ranked) {
            if ((withStaged || !policy.staged()) && applies(policy, direction, endpoint)) {
                out.add(policy);
            }
        }
        return out;
    }

    /** The enforced policies selecting this endpoint's label set for the direction, worked out once. */
    private Applying applying(PolicyType direction, EvalEndpoint endpoint) {
        if (!endpoint.pod()) {
            return Applying.NONE;
        }
        Selection key = new Selection(direction, endpoint.namespace(), endpoint.labels(), endpoint.namespaceLabels(),
                endpoint.serviceAccount());
        Applying known = applying.get(key);
        if (known == null) {
            known = applyingOf(applicable(direction, endpoint, false));
            applying.put(key, known);
        }
        return known;
    }

    private int[][] rulesMatchingPeer(Applying side, PolicyType direction, EvalEndpoint peer) {
        int[][] rules = new int[side.indexed().length][];
        for (int i = 0; i < rules.length; i++) {
            if (side.indexed()[i] != null) {
                rules[i] = side.indexed()[i].rulesMatchingPeer(kubernetes, direction, peer);
            }
        }
        return rules;
    }

    /**
     * The same tier walk as {@link #walk}, answering only allowed or not: listings probe
     * thousands of ports and addresses and never show a reason, so none is built.
     *
     * @param peerRules per NetworkPolicy of {@code side}, its rules whose peers match the connection's peer
     */
    private boolean permits(Applying side, int[][] peerRules, PolicyType direction, Connection connection) {
        List<RankedPolicy> applicable = side.policies();
        int i = 0;
        while (i < applicable.size()) {
            String tier = applicable.get(i).tier();
            boolean passed = false;
            for (; i < applicable.size() && applicable.get(i).tier().equals(tier); i++) {
                if (passed) {
                    continue;
                }
                IndexedNetworkPolicy kubernetesPolicy = side.indexed()[i];
                if (kubernetesPolicy != null) {
                    if (kubernetesPolicy.portsAllow(kubernetes, direction, peerRules[i], connection)) {
                        return true; // a NetworkPolicy rule only allows
                    }
                    continue;
                }
                RuleHit hit = firstDecidingRule(applicable.get(i), direction, connection);
                if (hit != null) {
                    switch (hit.action()) {
                        case ALLOW -> {
                            return true;
                        }
                        case DENY -> {
                            return false;
                        }
                        default -> passed = true;
                    }
                }
            }
            if (!passed && !applicable.get(i - 1).tierPassesUnmatched()) {
                return false; // the tier selected the endpoint and nothing in it matched
            }
        }
        return true; // no policy selects it, or every tier passed
    }

    /** The tier walk over the policies that apply; none at all means allowed. */
    private DirectionDecision walk(List<RankedPolicy> applicable, PolicyType direction, Connection connection) {
        if (applicable.isEmpty()) {
            EvalEndpoint endpoint = direction == PolicyType.EGRESS ? connection.source() : connection.destination();
            return endpoint.pod() ? new DirectionDecision(true, "no policy selects the pod") : DirectionDecision.NOT_A_POD;
        }
        String passed = null;
        int i = 0;
        while (i < applicable.size()) {
            String tier = applicable.get(i).tier();
            List<String> selectedBy = new ArrayList<>();
            String passedHere = null;
            for (; i < applicable.size() && applicable.get(i).tier().equals(tier); i++) {
                RankedPolicy policy = applicable.get(i);
                selectedBy.add(policy.id());
                RuleHit hit = passedHere != null ? null : firstDecidingRule(policy, direction, connection);
                if (hit == null) {
                    continue;
                }
                String rule = policy.id() + " " + direction.name().toLowerCase(Locale.ROOT) + "[" + hit.index() + "]";
                switch (hit.action()) {
                    case ALLOW -> {
                        return new DirectionDecision(true, rule);
                    }
                    case DENY -> {
                        return new DirectionDecision(false, "deny: " + rule);
                    }
                    default -> passedHere = rule;
                }
            }
            if (passedHere != null) {
                passed = passedHere;
            } else if (!applicable.get(i - 1).tierPassesUnmatched()) {
                return new DirectionDecision(false, "default deny: selected by " + String.join(", ", selectedBy));
            }
        }
        return new DirectionDecision(true, passed == null ? "no rule of " + String.join(", ", selectedAll(applicable))
                + " matches and no other policy selects the pod" : "pass: " + passed + "; no later policy selects the pod");
    }

    private static List<String> selectedAll(List<RankedPolicy> applicable) {
        return applicable.stream().map(RankedPolicy::id).toList();
    }

    private boolean applies(RankedPolicy policy, PolicyType direction, EvalEndpoint endpoint) {
        if (policy.admin() != null) {
            return admin.governs(policy.admin(), direction) && admin.selects(policy.admin().subject(), endpoint);
        }
        if (policy.kubernetes() != null) {
            NetworkPolicy p = policy.kubernetes();
            return kubernetes.governs(p, direction) && kubernetes.selects(p, endpoint);
        }
        return calico.governs(policy.calico(), direction) && calico.selects(policy.calico(), endpoint);
    }

    /** A matched rule and its action; Log rules are stepped over. */
    private record RuleHit(int index, CalicoRule.CalicoAction action) {
    }

    private RuleHit firstDecidingRule(RankedPolicy policy, PolicyType direction, Connection connection) {
        if (policy.admin() != null) {
            int index = admin.firstMatchingRule(policy.admin(), direction, connection);
            if (index < 0) {
                return null;
            }
            AdminRule rule = (direction == PolicyType.INGRESS ? policy.admin().ingress() : policy.admin().egress()).get(index);
            return new RuleHit(index, switch (rule.action()) {
                case ALLOW -> CalicoRule.CalicoAction.ALLOW;
                case DENY -> CalicoRule.CalicoAction.DENY;
                case PASS -> CalicoRule.CalicoAction.PASS;
            });
        }
        if (policy.kubernetes() != null) {
            int index = indexed.get(policy.kubernetes()).firstMatchingRule(kubernetes, direction, connection);
            return index < 0 ? null : new RuleHit(index, CalicoRule.CalicoAction.ALLOW);
        }
        CalicoPolicy p = policy.calico();
        List<CalicoRule> rules = direction == PolicyType.INGRESS ? p.ingress() : p.egress();
        int offset = 0;
        CalicoPolicy remaining = p;
        while (true) {
            int index = calico.firstMatchingRule(remaining, direction, connection);
            if (index < 0) {
                return null;
            }
            CalicoRule.CalicoAction action = rules.get(offset + index).action();
            if (action != CalicoRule.CalicoAction.LOG) {
                return new RuleHit(offset + index, action);
            }
            // A Log rule logs and goes on to the next rule: ask again with the rules after it.
            offset += index + 1;
            remaining = withRulesFrom(p, direction, offset);
        }
    }

    private CalicoPolicy withRulesFrom(CalicoPolicy p, PolicyType direction, int from) {
        List<CalicoRule> ingress = direction == PolicyType.INGRESS ? p.ingress().subList(from, p.ingress().size()) : p.ingress();
        List<CalicoRule> egress = direction == PolicyType.EGRESS ? p.egress().subList(from, p.egress().size()) : p.egress();
        // Types are pinned: Calico's defaulting looks at which rule lists are present.
        List<PolicyType> types = new ArrayList<>();
        for (PolicyType type : PolicyType.values()) {
            if (calico.governs(p, type)) {
                types.add(type);
            }
        }
        return new CalicoPolicy(p.kind(), p.namespace(), p.name(), p.tier(), p.order(), p.selector(),
                p.namespaceSelector(), p.serviceAccountSelector(), types, ingress, egress);
    }
}
