package io.flowpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.diff.ConnectivityDiffer;
import io.flowpol.inference.diff.ReachabilityChange;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.policy.PolicyReader;
import io.flowpol.samples.ScenarioOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recall and precision of a generated policy set, measured against the generator's ground truth
 * ({@code truth.json}), never against flowpol's own output (issue 11).
 *
 * <p>Recall: of the workload-to-workload edges that got a reply and crossed nodes at least once
 * (so a flow log could see them), the share the policies allow when replayed. Precision between
 * in-VPC ends: of the workload pairs the policies allow (DNS to kube-dns, the configured exception,
 * aside) and of the learned edges whose both ends are in the VPC, the share the truth has.
 *
 * @param observable  truth edges a flow log could see
 * @param allowed     of those, allowed by the policies
 * @param missed      the observable edges the policies deny, for the failure message
 * @param allowedPairs workload pairs and ports the policies allow, DNS aside
 * @param wrongPairs  of those, pairs the truth never had
 * @param vpcEdges    learned edges with both ends in the VPC (edges.json)
 * @param wrongVpcEdges of those, edges the truth never had (e.g. to an address no object holds)
 */
record ScenarioRecall(int observable, int allowed, List<String> missed, int allowedPairs, List<String> wrongPairs,
        int vpcEdges, List<String> wrongVpcEdges) {
    private static final ObjectMapper JSON = new ObjectMapper();

    double recall() {
        return observable == 0 ? 1 : (double) allowed / observable;
    }

    double precision() {
        int all = allowedPairs + vpcEdges;
        return all == 0 ? 1 : 1 - (double) (wrongPairs.size() + wrongVpcEdges.size()) / all;
    }

    String summary() {
        return String.format("recall %.4f (%d/%d), precision %.4f (%d wrong of %d allowed pairs, %d wrong of %d in-VPC edges)",
                recall(), allowed, observable, precision(), wrongPairs.size(), allowedPairs, wrongVpcEdges.size(),
                vpcEdges);
    }

    /**
     * The generator options of one on-demand measurement spec, {@code SEED:ENIS:EXTRA:MINUTES:DENSITY}
     * (the {@code -Dflowpol.*.measure} properties of the recall tests).
     */
    static ScenarioOptions options(String spec, Instant start) {
        String[] p = spec.trim().split(":");
        return new ScenarioOptions(Long.parseLong(p[0]), start, Duration.ofMinutes(Integer.parseInt(p[3])),
                Integer.parseInt(p[4]), 0, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    /** Measures the output directory {@code out} of {@code generate} on the scenario in {@code scenario}. */
    static ScenarioRecall measure(Path scenario, Path out) throws IOException {
        ClusterTimeline timeline = new ClusterRecordingReader().read(List.of(scenario.resolve("recording.jsonl"))).timeline();
        PolicyEngine engine = new PolicyEngine(new PolicyReader().read(List.of(out)).policies(), new CalicoPolicyMatcher());
        EndpointCatalog catalog = new EndpointCatalog(timeline);
        EdgeReplay replay = new EdgeReplay(engine, catalog);
        JsonNode truth = JSON.readTree(scenario.resolve("truth.json").toFile());
        Set<String> truthKeys = new HashSet<>();
        Set<String> loadBalancers = new HashSet<>();
        int observable = 0;
        int allowed = 0;
        List<String> missed = new ArrayList<>();
        for (JsonNode t : truth.path("edges")) {
            truthKeys.add(key(t.path("client").asText(), t.path("server").asText(), t.path("protocol").asText(),
                    t.path("port").asInt()));
            if (!t.path("clientKind").asText().equals("workload") || !t.path("serverKind").asText().equals("workload")
                    || t.path("attemptOnly").asBoolean() || !t.path("observableCrossNode").asBoolean()) {
                continue;
            }
            WorkloadId client = ScenarioChecks.id(t.path("client").asText());
            WorkloadId server = ScenarioChecks.id(t.path("server").asText());
            if (catalog.endpoints(Peer.workload(client)).isEmpty() || catalog.endpoints(Peer.workload(server)).isEmpty()) {
                continue; // hostNetwork workloads are nodes to policies
            }
            observable++;
            Edge edge = new Edge(Peer.workload(client), Peer.workload(server), Protocol.parse(t.path("protocol").asText()),
                    t.path("port").asInt(), null, new Evidence(1, 0, 0, 0, 0, Set.of()));
            if (replay.replay(edge).allowed()) {
                allowed++;
            } else {
                missed.add(t.path("client").asText() + " -> " + t.path("server").asText() + " "
                        + t.path("protocol").asText() + "/" + t.path("port").asInt());
            }
        }
        List<ReachabilityChange> reachable = new ConnectivityDiffer(catalog, ConnectivityDiffer::dnsToKubeDns)
                .diff(engine, engine, List.of(), Set.of()).overPermission();
        List<String> wrongPairs = new ArrayList<>();
        for (ReachabilityChange c : reachable) {
            String k = key(text(c.client()), text(c.server()), Protocol.name(c.protocol()), c.port());
            if (!truthKeys.contains(k)) {
                wrongPairs.add(k);
            }
        }
        for (String ip : List.of("10.0.1.50", "10.0.2.50")) {
            loadBalancers.add(ip);
        }
        int vpcEdges = 0;
        List<String> wrongVpcEdges = new ArrayList<>();
        for (JsonNode e : JSON.readTree(out.resolve("edges.json").toFile()).path("edges")) {
            String client = peer(e.path("client"), loadBalancers);
            String server = peer(e.path("server"), loadBalancers);
            if (client == null || server == null) {
                continue; // external, node: not between in-VPC workload-level ends
            }
            vpcEdges++;
            String k = key(client, server, e.path("protocol").asText(), e.path("port").asInt());
            if (!truthKeys.contains(k)) {
                wrongVpcEdges.add(k);
            }
        }
        return new ScenarioRecall(observable, allowed, missed, reachable.size(), wrongPairs, vpcEdges, wrongVpcEdges);
    }

    private static String text(WorkloadId w) {
        return w.namespace() + "/" + w.kind() + "/" + w.name();
    }

    /** The truth's name of an in-VPC peer of edges.json; null for nodes and external addresses. */
    private static String peer(JsonNode p, Set<String> loadBalancers) {
        return switch (p.path("kind").asText()) {
            case "workload" -> p.path("namespace").asText() + "/" + p.path("workloadKind").asText() + "/"
                    + p.path("name").asText();
            case "api-server" -> "apiserver";
            case "vpc-address" -> loadBalancers.contains(p.path("ip").asText())
                    ? "loadbalancer:shop/frontend-nlb" : "external:" + p.path("ip").asText(); // office clients
            default -> null;
        };
    }

    private static String key(String client, String server, String protocol, int port) {
        return client + " " + server + " " + protocol + " " + port;
    }
}
