package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.diff.ConnectivityDiff;
import io.flowpol.inference.diff.ConnectivityDiffer;
import io.flowpol.inference.diff.ReachabilityChange;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.model.WorkloadPair;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.policy.PolicyReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The acceptance checks of a generated policy set against the generator's ground truth
 * ({@code truth.json}): what the scenario really did, not counts copied from flowpol's output.
 */
final class ScenarioChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioChecks() {
    }

    /**
     * Every workload-to-workload edge that crossed nodes (so flow logs could see it) and got a reply
     * is allowed; attempts are denied; always-co-located pairs are reported; and the policies allow
     * nothing else between workloads but DNS to kube-dns (the configured exception).
     */
    static void assertPoliciesMatchTruth(Path scenario, Path out, ClusterTimeline timeline, InferenceResult learned)
            throws IOException {
        PolicyEngine engine = new PolicyEngine(new PolicyReader().read(List.of(out)).policies(), new CalicoPolicyMatcher());
        EndpointCatalog catalog = new EndpointCatalog(timeline);
        EdgeReplay replay = new EdgeReplay(engine, catalog);
        JsonNode truth = JSON.readTree(scenario.resolve("truth.json").toFile());
        int checked = 0;
        for (JsonNode t : truth.path("edges")) {
            if (t.path("snat").asBoolean() && t.path("clientKind").asText().equals("workload")
                    && !id(t.path("client").asText()).namespace().equals("kube-system")) {
                // SNAT hides the sender (DESIGN.md fact 3): the real one must still be allowed, among the candidates.
                Edge egress = new Edge(Peer.workload(id(t.path("client").asText())),
                        Peer.external(io.flowpol.inference.model.IpAddress.parse(t.path("server").asText().substring("external:".length()))),
                        Protocol.parse(t.path("protocol").asText()), t.path("port").asInt(), null,
                        new Evidence(1, 0, 0, 0, 0, Set.of()));
                assertTrue(replay.replay(egress).allowed(), "SNAT-hidden egress of its real sender is allowed: " + t);
                continue;
            }
            if (!t.path("clientKind").asText().equals("workload") || !t.path("serverKind").asText().equals("workload")) {
                continue;
            }
            WorkloadId client = id(t.path("client").asText());
            WorkloadId server = id(t.path("server").asText());
            if (catalog.endpoints(Peer.workload(client)).isEmpty()) {
                continue; // hostNetwork workloads are nodes to policies
            }
            Edge edge = new Edge(Peer.workload(client), Peer.workload(server), Protocol.parse(t.path("protocol").asText()),
                    t.path("port").asInt(), null, new Evidence(1, 0, 0, 0, 0, Set.of()));
            boolean allowed = replay.replay(edge).allowed();
            if (t.path("attemptOnly").asBoolean()) {
                assertFalse(allowed, "an attempt without reply must not be allowed: " + t);
            } else if (t.path("observableCrossNode").asBoolean()) {
                assertTrue(allowed, "an observed edge must be allowed: " + t + "\n" + replay.replay(edge).verdict());
            } else if (t.path("port").asInt() == 53 && server.namespace().equals("kube-system")) {
                assertTrue(allowed, "DNS is always allowed, seen or not: " + t);
            } else {
                // Never crossed a node, so no flow log saw it (DESIGN.md fact 4): flowpol cannot allow it.
                assertFalse(allowed, "an edge no flow log could see is not allowed: " + t);
            }
            checked++;
        }
        assertTrue(checked >= 10, "the truth has workload edges to check: " + checked);
        // Every pair the coverage analysis calls always co-located is one whose traffic the truth could not show.
        for (WorkloadPair p : learned.coverage().colocatedPairs()) {
            assertTrue(learned.edges().stream().noneMatch(e -> e.client().kind() == Peer.Kind.WORKLOAD
                    && e.server().kind() == Peer.Kind.WORKLOAD
                    && new WorkloadPair(e.client().workload(), e.server().workload()).equals(p)), "co-located but seen: " + p);
        }

        ConnectivityDiff reach = new ConnectivityDiffer(catalog).diff(engine, engine, learned.edges(), Set.of());
        List<ReachabilityChange> unexpected = new ArrayList<>();
        for (ReachabilityChange c : reach.overPermission()) {
            boolean dns = c.server().namespace().equals("kube-system") && c.port() == 53;
            if (!dns) {
                unexpected.add(c);
            }
        }
        assertEquals(List.of(), unexpected, "allowed between workloads although never observed");
        assertEquals(List.of(), new EdgeReplay(engine, catalog).replay(learned.edges()).stream()
                .filter(o -> !o.allowed()).toList(), "every learned edge is allowed (the safety invariant)");
    }

    static WorkloadId id(String text) {
        String[] p = text.split("/");
        return new WorkloadId(p[0], p[1], p[2]);
    }
}
