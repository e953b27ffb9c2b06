package io.flowpol.inference.evaluate.calico;

import io.flowpol.inference.evaluate.CalicoMatching;
import io.flowpol.inference.evaluate.Connection;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoNetworkSet;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.PolicyType;
import java.util.List;
import java.util.Locale;

/**
 * Calico's matching semantics for the {@code PolicyEngine}: which pods a Calico policy
 * selects, which directions it governs, and the first rule that matches a connection. The
 * action of that rule (Allow, Deny, Pass, Log) is the engine's to interpret. Thread-safe;
 * selectors are parsed once and cached, so keep one instance per policy set or per run.
 *
 * <p>Selectors that do not parse throw {@link CalicoSelectorException}; policies read by
 * {@code CalicoPolicyParser} were validated already.
 */
public final class CalicoPolicyMatcher implements CalicoMatching {
    /** IANA number of UDP-Lite, which Calico names {@code UDPLite}. */
    private static final int UDP_LITE = 136;

    private final SelectorCache selectors = new SelectorCache();
    private final EntityRuleMatcher entities;

    /** Without GlobalNetworkSets: a rule selector selects pods only. */
    public CalicoPolicyMatcher() {
        this(List.of());
    }

    /** Rule selectors also select the addresses of {@code networkSets} (GlobalNetworkSets) whose labels they match. */
    public CalicoPolicyMatcher(List<CalicoNetworkSet> networkSets) {
        if (networkSets == null) {
            throw new IllegalArgumentException("networkSets == null");
        }
        entities = new EntityRuleMatcher(selectors, networkSets);
    }

    /**
     * A namespaced policy selects pods of its namespace that match {@code selector}; a global
     * one pods that match {@code selector} and whose namespace matches {@code namespaceSelector};
     * both also test {@code serviceAccountSelector}. Absent selectors are {@code all()}. Host
     * endpoints and external addresses are not modelled, so a non-pod is never selected.
     */
    @Override
    public boolean selects(CalicoPolicy policy, EvalEndpoint endpoint) {
        if (!endpoint.pod()) {
            return false;
        }
        if (!policy.kind().global() && !endpoint.namespace().equals(policy.namespace())) {
            return false;
        }
        if (policy.kind().global()
                && !selectors.get(policy.namespaceSelector()).matches(EndpointLabels.namespace(endpoint))) {
            return false;
        }
        return selectors.get(policy.serviceAccountSelector()).matches(EndpointLabels.serviceAccount(endpoint))
                && selectors.get(policy.selector()).matches(EndpointLabels.workload(endpoint));
    }

    /**
     * {@code types} as written; when absent, Calico's default (CRD doc of {@code spec.types}):
     * Ingress if there are no egress rules, Egress if there are egress rules but no ingress
     * rules, both if there are both.
     */
    @Override
    public boolean governs(CalicoPolicy policy, PolicyType direction) {
        if (!policy.types().isEmpty()) {
            return policy.types().contains(direction);
        }
        boolean egressRules = !policy.egress().isEmpty();
        boolean ingressRules = !policy.ingress().isEmpty();
        return switch (direction) {
            case INGRESS -> !egressRules || ingressRules;
            case EGRESS -> egressRules;
        };
    }

    @Override
    public int firstMatchingRule(CalicoPolicy policy, PolicyType direction, Connection connection) {
        List<CalicoRule> rules = direction == PolicyType.INGRESS ? policy.ingress() : policy.egress();
        String namespace = policy.kind().global() ? null : policy.namespace();
        for (int i = 0; i < rules.size(); i++) {
            if (ruleMatches(rules.get(i), namespace, connection)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Both halves of a rule apply whatever the direction: in an ingress rule the destination
     * is the selected pod itself, in an egress rule the source is.
     */
    private boolean ruleMatches(CalicoRule rule, String policyNamespace, Connection connection) {
        if (rule.protocol() != null && protocolNumber(rule.protocol()) != connection.protocol()) {
            return false;
        }
        if (rule.notProtocol() != null && protocolNumber(rule.notProtocol()) == connection.protocol()) {
            return false;
        }
        if (!ipVersionMatches(rule.ipVersion(), connection)) {
            return false;
        }
        return entities.matches(rule.source(), connection.source(), policyNamespace, null, connection.protocol())
                && entities.matches(rule.destination(), connection.destination(), policyNamespace,
                        connection.port(), connection.protocol());
    }

    /** Calico protocol names (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite) or 1-255; -1 when unknown. */
    static int protocolNumber(String protocol) {
        if ("UDPLITE".equals(protocol.toUpperCase(Locale.ROOT))) {
            return UDP_LITE;
        }
        return Protocol.parse(protocol);
    }

    /** With no address known on either side the family cannot be told apart: not excluded. */
    private static boolean ipVersionMatches(Integer ipVersion, Connection connection) {
        if (ipVersion == null) {
            return true;
        }
        IpAddress ip = connection.source().ip() != null ? connection.source().ip() : connection.destination().ip();
        return ip == null || (ip.isV4() ? 4 : 6) == ipVersion;
    }
}
