package io.flowpol.inference.evaluate;

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
    private final PortCuts cuts;
    /** Per NetworkPolicy (by identity), its rules indexed for replay: N·log R, not N·R (issue 19). */
    private final Map<NetworkPolicy, IndexedNetworkPolicy> indexed = new IdentityHashMap<>();

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
        all.sort(RankedPolicy.EVALUATION_ORDER);
        this.ranked = List.copyOf(all);
        this.calico = calico;
        this.cuts = PortCuts.of(policies);
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
        // Which policies apply does not depend on the port: find them once per pair.
        List<RankedPolicy> egress = applicable(PolicyType.EGRESS, source, false);
        List<RankedPolicy> ingress = applicable(PolicyType.INGRESS, destination, false);
        if (egress.isEmpty() && ingress.isEmpty()) {
            return ConnectionSet.ALL;
        }
        ConnectionSet result = ConnectionSet.NONE;
        for (int protocol : ConnectionSet.POLICY_PROTOCOLS) {
            int[] starts = cuts.segmentStarts(protocol, destination);
            PortSet allowed = PortSet.EMPTY;
            for (int i = 0; i < starts.length; i++) {
                int last = i + 1 < starts.length ? starts[i + 1] - 1 : PortSet.MAX_PORT;
                Connection probe = new Connection(source, destination, protocol, starts[i]);
                if (walk(egress, PolicyType.EGRESS, probe).allowed() && walk(ingress, PolicyType.INGRESS, probe).allowed()) {
                    allowed = allowed.union(PortSet.range(starts[i], last));
                }
            }
            result = result.union(ConnectionSet.of(protocol, allowed));
        }
        return result;
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
        return walk(applicable(direction, endpoint, withStaged), direction, connection);
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
            } else {
                return new DirectionDecision(false, "default deny: selected by " + String.join(", ", selectedBy));
            }
        }
        return new DirectionDecision(true, "pass: " + passed + "; no later policy selects the pod");
    }

    private boolean applies(RankedPolicy policy, PolicyType direction, EvalEndpoint endpoint) {
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
