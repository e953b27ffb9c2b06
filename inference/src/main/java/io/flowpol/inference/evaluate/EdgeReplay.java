package io.flowpol.inference.evaluate;

import io.flowpol.inference.model.Edge;
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

    /** An edge and what the policies decided for it. */
    public record EdgeOutcome(Edge edge, Verdict verdict) {
        public boolean allowed() {
            return verdict.allowed();
        }
    }
}
