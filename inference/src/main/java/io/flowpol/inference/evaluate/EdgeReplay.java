package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Edge;
import io.flowpol.inference.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays learned edges against a policy set: the safety invariant's first half (DESIGN.md
 * contracts) — every accepted, resolvable flow must be allowed. An edge is allowed only when
 * the connection is allowed for every pod shape of both ends.
 */
public final class EdgeReplay {
    private final PolicyEngine engine;
    private final EndpointCatalog catalog;

    public EdgeReplay(PolicyEngine engine, EndpointCatalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    /** One outcome per edge, in edge order; {@code verdict} is the first denying one, or an allowing one. */
    public List<EdgeOutcome> replay(List<Edge> edges) {
        List<EdgeOutcome> out = new ArrayList<>(edges.size());
        for (Edge edge : edges) {
            out.add(replay(edge));
        }
        return out;
    }

    public EdgeOutcome replay(Edge edge) {
        Verdict allowing = null;
        for (EvalEndpoint client : catalog.endpoints(edge.client())) {
            for (EvalEndpoint server : catalog.endpoints(edge.server())) {
                Verdict v = engine.allows(new Connection(client, server, edge.protocol(), edge.port()));
                if (!v.allowed()) {
                    return new EdgeOutcome(edge, v);
                }
                allowing = v;
            }
        }
        return new EdgeOutcome(edge, allowing == null
                ? new Verdict(false, "no endpoint known for " + edge.client(), "no endpoint known for " + edge.server(), false)
                : allowing);
    }

    /**
     * The edge with the staged policies (Calico's staged kinds, StagedKubernetesNetworkPolicy)
     * counted as enforced: what promoting them would decide. The verdict's reasons are those of
     * that walk; {@code allowed} and {@code stagedAllowed} are both its answer.
     */
    public EdgeOutcome replayWithStaged(Edge edge) {
        Verdict allowing = null;
        for (EvalEndpoint client : catalog.endpoints(edge.client())) {
            for (EvalEndpoint server : catalog.endpoints(edge.server())) {
                Connection c = new Connection(client, server, edge.protocol(), edge.port());
                DirectionDecision egress = engine.decide(PolicyType.EGRESS, c, true);
                DirectionDecision ingress = engine.decide(PolicyType.INGRESS, c, true);
                boolean allowed = egress.allowed() && ingress.allowed();
                Verdict v = new Verdict(allowed, egress.reason(), ingress.reason(), allowed);
                if (!allowed) {
                    return new EdgeOutcome(edge, v);
                }
                allowing = v;
            }
        }
        return new EdgeOutcome(edge, allowing == null
                ? new Verdict(false, "no endpoint known for " + edge.client(), "no endpoint known for " + edge.server(), false)
                : allowing);
    }

    /** An edge and what the policies decided for it. */
    public record EdgeOutcome(Edge edge, Verdict verdict) {
        public boolean allowed() {
            return verdict.allowed();
        }
    }
}
