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

    /** Two lines per denied edge: the edge, then what decided each direction. */
    static void printDenied(List<EdgeReplay.EdgeOutcome> denied, PrintWriter out) {
        for (EdgeReplay.EdgeOutcome o : denied) {
            Edge e = o.edge();
            out.printf("DENIED  %s -> %s %s/%d (%d connections)%n        egress: %s; ingress: %s%n",
                    e.client(), e.server(), Protocol.name(e.protocol()), e.port(), e.evidence().connections(),
                    o.verdict().egressDecision(), o.verdict().ingressDecision());
        }
        out.flush();
    }
}
