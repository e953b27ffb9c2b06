package io.flowpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.evaluate.EdgeReplay;
import io.flowpol.inference.evaluate.EndpointCatalog;
import io.flowpol.inference.evaluate.PolicyEngine;
import io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher;
import io.flowpol.inference.model.Edge;
import io.flowpol.inference.model.Evidence;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.Peer;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.model.WorkloadId;
import io.flowpol.inference.timeline.ClusterTimeline;
import io.flowpol.ingest.cluster.ClusterRecordingReader;
import io.flowpol.ingest.policy.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issue 14's closing numbers: per generated scenario and flow-log format, the (workload, external
 * destination, port) egress pairs the policies of each {@code --snat-egress} mode allow, against
 * the generator's truth, counting workloads that get policies (outside {@code kube-*}) and are no
 * hostNetwork-only workloads (a node to policies). Not a test: run it by hand.
 *
 * <pre>java -cp cli/target/test-classes:cli/target/flowpol-all.jar io.flowpol.cli.SnatEgressMeasurement SCENARIO_DIR FORMAT...</pre>
 */
public final class SnatEgressMeasurement {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODES = List.of("allow-candidates", "common-candidates", "report-only");

    private SnatEgressMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        Path scenario = Path.of(args[0]);
        Set<String> truth = truth(scenario);
        System.out.println("| scenario | format | mode | egress pairs allowed | true (policy-bearing) | true allowed | precision |");
        System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        for (int i = 1; i < args.length; i++) {
            for (String mode : MODES) {
                Path out = Files.createTempDirectory("snat-measure").resolve("out");
                Cli.Result r = Cli.run("generate", "--flow-logs", scenario.resolve("flowlogs/" + args[i]).toString(),
                        "--cluster", scenario.resolve("recording.jsonl").toString(), "--out", out.toString(),
                        "--snat-egress", mode);
                if (r.exitCode() != 0) {
                    throw new IllegalStateException(r.toString());
                }
                Set<String> allowed = allowed(scenario, out, truth);
                long right = allowed.stream().filter(truth::contains).count();
                System.out.printf("| %s | %s | %s | %d | %d | %d | %s |%n", scenario.getFileName(), args[i], mode,
                        allowed.size(), truth.size(), right,
                        allowed.isEmpty() ? "-" : String.format("%.1f %%", 100.0 * right / allowed.size()));
            }
        }
    }

    /** The truth's egress to external addresses by workloads outside kube-*: "workload -> ip PROTO/port". */
    static Set<String> truth(Path scenario) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JsonNode t : JSON.readTree(scenario.resolve("truth.json").toFile()).path("edges")) {
            if (t.path("clientKind").asText().equals("workload") && t.path("serverKind").asText().equals("external")
                    && !t.path("attemptOnly").asBoolean() && !t.path("client").asText().startsWith("kube-")) {
                out.add(t.path("client").asText() + " -> " + t.path("server").asText().substring("external:".length())
                        + " " + t.path("protocol").asText().toUpperCase() + "/" + t.path("port").asInt());
            }
        }
        return out;
    }

    /** Pairs the policies in {@code out} allow, over every workload and each destination of the truth. */
    static Set<String> allowed(Path scenario, Path out, Set<String> truth) {
        ClusterTimeline timeline = new ClusterRecordingReader().read(List.of(scenario.resolve("recording.jsonl"))).timeline();
        EndpointCatalog catalog = new EndpointCatalog(timeline);
        EdgeReplay replay = new EdgeReplay(new PolicyEngine(new PolicyReader().read(List.of(out)).policies(),
                new CalicoPolicyMatcher()), catalog);
        Set<String> destinations = new TreeSet<>();
        truth.forEach(t -> destinations.add(t.substring(t.indexOf(" -> ") + 4)));
        Set<String> allowed = new TreeSet<>();
        for (WorkloadId w : catalog.workloads().keySet()) {
            if (w.namespace().startsWith("kube-") || catalog.endpoints(Peer.workload(w)).isEmpty()) {
                continue;
            }
            for (String d : destinations) {
                String[] p = d.split("[ /]");
                Edge e = new Edge(Peer.workload(w), Peer.external(IpAddress.parse(p[0])), Protocol.parse(p[1]),
                        Integer.parseInt(p[2]), null, new Evidence(1, 0, 0, 0, 0, Set.of()));
                if (replay.replay(e).allowed()) {
                    allowed.add(w + " -> " + d);
                }
            }
        }
        return allowed;
    }
}
