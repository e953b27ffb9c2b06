package io.flowpol.inference.evaluate.calico;

import io.flowpol.inference.evaluate.CidrSet;
import io.flowpol.inference.evaluate.EvalEndpoint;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoNetworkSet;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.timeline.ContainerPort;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether one end of a connection satisfies the {@code source} or {@code destination} half of
 * a Calico rule. Every part that is present must hold (AND).
 *
 * <p>Selectors follow libcalico-go {@code updateprocessors/rules.go} ({@code getEndpointSelector}):
 * the endpoint selector and service-account selector are AND-ed; as soon as any selector field
 * (including {@code notSelector}) is used in a namespaced policy, or a {@code namespaceSelector}
 * is given, the peer must also be in the policy's namespace, respectively in a namespace the
 * {@code namespaceSelector} selects ({@code all()} = any namespace, {@code global()} = no
 * namespace, i.e. host endpoints and global network sets). {@code notSelector} is not scoped.
 * Selectors only ever select Calico endpoints: a non-pod peer fails every positive selector and
 * is never excluded by {@code notSelector} (CRD doc of {@code selector}: "the latter will accept
 * packets from non-Calico sources").
 *
 * <p>A selector that may select non-namespaced endpoints — with {@code namespaceSelector: global()},
 * or in a global policy without a {@code namespaceSelector} — also selects every address of a
 * GlobalNetworkSet whose labels it matches (CRD doc of {@code namespaceSelector}: "global()
 * NamespaceSelector implies that the Selector is limited to selecting only GlobalNetworkSet or
 * HostEndpoint").
 */
final class EntityRuleMatcher {
    /** Below this many blocks a scan is as quick as a lookup and builds nothing. */
    private static final int INDEXED_NETS = 8;

    private final SelectorCache selectors;
    /** Large nets lists as address sets, by list identity: one per rule half, built on first use. */
    private final Map<List<Cidr>, CidrSet> netSets = new IdentityHashMap<>();
    private final List<CalicoNetworkSet> networkSets;

    EntityRuleMatcher(SelectorCache selectors, List<CalicoNetworkSet> networkSets) {
        this.selectors = selectors;
        this.networkSets = List.copyOf(networkSets);
    }

    /**
     * @param policyNamespace the namespace of a namespaced policy, null for a global one
     * @param port the connection's port at this end, or null when unknown (the client's
     *     ephemeral source port is not kept by flow aggregation)
     */
    boolean matches(CalicoEntityRule rule, EvalEndpoint endpoint, String policyNamespace, Integer port, int protocol) {
        return netsMatch(rule, endpoint.ip())
                && (selectorsMatch(rule, endpoint, policyNamespace) || inNetworkSet(rule, endpoint, policyNamespace))
                && portsMatch(rule, endpoint, port, protocol);
    }

    /** The endpoint's address is in a GlobalNetworkSet that the rule's selector selects. */
    private boolean inNetworkSet(CalicoEntityRule rule, EvalEndpoint endpoint, String policyNamespace) {
        if (networkSets.isEmpty() || endpoint.ip() == null || SelectorCache.isAbsent(rule.selector())
                || !SelectorCache.isAbsent(rule.serviceAccountSelector())) {
            return false;
        }
        boolean global = SelectorCache.isAbsent(rule.namespaceSelector()) ? policyNamespace == null
                : selectors.get(rule.namespaceSelector()).isGlobal();
        if (!global) {
            return false;
        }
        CalicoSelector selector = selectors.get(rule.selector());
        CalicoSelector not = SelectorCache.isAbsent(rule.notSelector()) ? null : selectors.get(rule.notSelector());
        for (CalicoNetworkSet set : networkSets) {
            if (selector.matches(set.labels()) && (not == null || !not.matches(set.labels()))
                    && anyContains(set.nets(), endpoint.ip())) {
                return true;
            }
        }
        return false;
    }

    /** An unknown address can neither be shown inside {@code nets} nor outside {@code notNets}. */
    private boolean netsMatch(CalicoEntityRule rule, IpAddress ip) {
        if (!rule.nets().isEmpty() && (ip == null || !anyContains(rule.nets(), ip))) {
            return false;
        }
        return rule.notNets().isEmpty() || (ip != null && !anyContains(rule.notNets(), ip));
    }

    private boolean anyContains(List<Cidr> nets, IpAddress ip) {
        if (nets.size() > INDEXED_NETS) {
            return netSets.computeIfAbsent(nets, CidrSet::of).contains(ip);
        }
        for (Cidr net : nets) {
            if (net.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    private boolean selectorsMatch(CalicoEntityRule rule, EvalEndpoint endpoint, String policyNamespace) {
        boolean namespaceSelectorGiven = !SelectorCache.isAbsent(rule.namespaceSelector());
        boolean selectorGiven = !SelectorCache.isAbsent(rule.selector())
                || !SelectorCache.isAbsent(rule.serviceAccountSelector());
        boolean notSelectorGiven = !SelectorCache.isAbsent(rule.notSelector());
        boolean scoped = (namespaceSelectorGiven || policyNamespace != null)
                && (selectorGiven || notSelectorGiven || namespaceSelectorGiven);
        if (scoped || selectorGiven) {
            if (!endpoint.pod()) {
                return false;
            }
            if (scoped && !inScopedNamespace(rule, endpoint, policyNamespace, namespaceSelectorGiven)) {
                return false;
            }
            if (!selectors.get(rule.serviceAccountSelector()).matches(EndpointLabels.serviceAccount(endpoint))
                    || !selectors.get(rule.selector()).matches(EndpointLabels.workload(endpoint))) {
                return false;
            }
        }
        return !notSelectorGiven || !endpoint.pod()
                || !selectors.get(rule.notSelector()).matches(EndpointLabels.workload(endpoint));
    }

    private boolean inScopedNamespace(CalicoEntityRule rule, EvalEndpoint pod, String policyNamespace,
            boolean namespaceSelectorGiven) {
        if (!namespaceSelectorGiven) {
            return pod.namespace().equals(policyNamespace);
        }
        CalicoSelector namespaceSelector = selectors.get(rule.namespaceSelector());
        // global() selects only non-namespaced endpoints (rules.go rewrites it to
        // !has(projectcalico.org/namespace)); a pod is always namespaced.
        return !namespaceSelector.isGlobal() && namespaceSelector.matches(EndpointLabels.namespace(pod));
    }

    private static boolean portsMatch(CalicoEntityRule rule, EvalEndpoint endpoint, Integer port, int protocol) {
        if (port == null) {
            // Unknown (ephemeral) client port: a rule that requires particular source ports is
            // not shown to match; a rule that only excludes ports is assumed not to exclude it.
            return rule.ports().isEmpty();
        }
        if (!rule.ports().isEmpty() && !anyPortMatches(rule.ports(), endpoint, port, protocol)) {
            return false;
        }
        return rule.notPorts().isEmpty() || !anyPortMatches(rule.notPorts(), endpoint, port, protocol);
    }

    private static boolean anyPortMatches(List<CalicoPort> ports, EvalEndpoint endpoint, int port, int protocol) {
        for (CalicoPort candidate : ports) {
            if (candidate.name() == null ? candidate.first() <= port && port <= candidate.last()
                    : namedPortMatches(candidate.name(), endpoint, port, protocol)) {
                return true;
            }
        }
        return false;
    }

    /** A named port is resolved against this endpoint's own declared ports (DESIGN.md fact 9). */
    private static boolean namedPortMatches(String name, EvalEndpoint endpoint, int port, int protocol) {
        for (ContainerPort declared : endpoint.ports()) {
            if (name.equals(declared.name()) && declared.port() == port && declared.protocol() == protocol) {
                return true;
            }
        }
        return false;
    }
}
