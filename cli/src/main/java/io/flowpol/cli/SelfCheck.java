package io.flowpol.cli;

import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.PolicySet;
import java.io.PrintWriter;
import java.util.List;

/**
 * The safety invariant's replay (DESIGN.md contracts): every edge given must be allowed by a
 * policy set. {@code generate} runs it on its own output before writing anything, with the edges
 * its policies are meant to allow ({@code SynthesizedPolicies.meantToAllow}); {@code verify} runs
 * it on any directory with every learned edge.
 */
final class SelfCheck {
    private SelfCheck() {
    }

    static List<EdgeReplay.EdgeOutcome> denied(PolicySet policies, List<Edge> edges, EndpointCatalog catalog) {
        PolicyEngine engine = new PolicyEngine(policies, new CalicoPolicyMatcher(policies.networkSets()));
        return new EdgeReplay(engine, catalog).replay(edges).stream().filter(o -> !o.allowed()).toList();
    }

    /**
     * The edges the enforced policies allow but the staged ones (Calico's staged kinds,
     * StagedKubernetesNetworkPolicy) would deny once enforced; empty when the set has none.
     */
    static List<EdgeReplay.EdgeOutcome> stagedDenied(PolicySet policies, List<Edge> edges, EndpointCatalog catalog,
                                                     List<EdgeReplay.EdgeOutcome> denied) {
        if (stagedCount(policies) == 0) {
            return List.of();
        }
        PolicyEngine engine = new PolicyEngine(policies, new CalicoPolicyMatcher(policies.networkSets()));
        EdgeReplay replay = new EdgeReplay(engine, catalog);
        java.util.Set<Edge> deniedNow = new java.util.HashSet<>();
        denied.forEach(o -> deniedNow.add(o.edge()));
        return edges.stream().filter(e -> !deniedNow.contains(e)).map(replay::replayWithStaged)
                .filter(o -> !o.allowed()).toList();
    }

    /** How many staged policies the set holds. */
    static long stagedCount(PolicySet policies) {
        return policies.networkPolicies().stream().filter(p -> p.staged()).count()
                + policies.calicoPolicies().stream().filter(p -> p.kind().staged()).count();
    }

    /** Two lines per edge the staged policies would deny: the edge, then what decided each direction. */
    static void printStagedDenied(List<EdgeReplay.EdgeOutcome> denied, PrintWriter out) {
        print("WOULD DENY (staged)", denied, out);
    }

    /** Two lines per denied edge: the edge, then what decided each direction. */
    static void printDenied(List<EdgeReplay.EdgeOutcome> denied, PrintWriter out) {
        print("DENIED ", denied, out);
    }

    private static void print(String label, List<EdgeReplay.EdgeOutcome> denied, PrintWriter out) {
        for (EdgeReplay.EdgeOutcome o : denied) {
            Edge e = o.edge();
            out.printf("%s %s -> %s %s/%d (%d connections)%n        egress: %s; ingress: %s%n",
                    label, e.client(), e.server(), Protocol.name(e.protocol()), e.port(), e.evidence().connections(),
                    o.verdict().egressDecision(), o.verdict().ingressDecision());
        }
        out.flush();
    }
}
