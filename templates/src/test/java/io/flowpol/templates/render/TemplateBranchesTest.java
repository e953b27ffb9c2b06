package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.LabelSelector;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.CalicoEntityRule;
import io.flowpol.inference.policy.CalicoPolicy;
import io.flowpol.inference.policy.CalicoPort;
import io.flowpol.inference.policy.CalicoRule;
import io.flowpol.inference.policy.IpBlock;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import io.flowpol.inference.policy.NetworkPolicyRule;
import io.flowpol.inference.policy.PolicySet;
import io.flowpol.inference.policy.PolicyType;
import io.flowpol.inference.synthesize.SynthesizedPolicies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies synthesis does not produce today still render to valid documents: every template branch. */
class TemplateBranchesTest {
    @TempDir
    Path tmp;

    @Test
    void unusualPoliciesRenderToSchemaValidDocuments() throws IOException {
        LabelSelector expressions = new LabelSelector(Map.of("app", "true"), List.of(
                new LabelRequirement("tier", LabelRequirement.Operator.NOT_IN, List.of("web", "8080")),
                new LabelRequirement("canary", LabelRequirement.Operator.DOES_NOT_EXIST, null)));
        NetworkPolicy policy = new NetworkPolicy("odd-ns", "odd", Map.of("team", "on"), Map.of(), expressions,
                List.of(PolicyType.INGRESS), List.of(
                        new NetworkPolicyRule(List.of(new NetworkPolicyPeer(LabelSelector.ALL, null, null),
                                new NetworkPolicyPeer(null, LabelSelector.of(Map.of("env", "prod")), null),
                                new NetworkPolicyPeer(null, null, new IpBlock(Cidr.parse("10.0.0.0/8"),
                                        List.of(Cidr.parse("10.1.0.0/16"))))),
                                List.of(new NetworkPolicyPort(Protocol.TCP, 8000, null, 8100),
                                        new NetworkPolicyPort(Protocol.UDP, 0, null, 0))),
                        new NetworkPolicyRule(List.of(), List.of())), List.of());
        CalicoPolicy calico = new CalicoPolicy(CalicoPolicy.CalicoKind.GLOBAL_NETWORK_POLICY, null, "odd-global", null,
                5.5, "all()", null, null, List.of(PolicyType.INGRESS, PolicyType.EGRESS),
                List.of(new CalicoRule(CalicoRule.CalicoAction.ALLOW, "TCP", null, null,
                        new CalicoEntityRule("role == 'db'", "x == 'y'", "global()", null, null,
                                List.of(Cidr.parse("10.0.0.0/8")), null, null),
                        new CalicoEntityRule(null, null, null, null, null, null,
                                List.of(new CalicoPort(8000, 8100, null), new CalicoPort(0, 0, "http")),
                                List.of(CalicoPort.of(8050))))),
                List.of(new CalicoRule(CalicoRule.CalicoAction.PASS, null, null, null, null, null)));
        SynthesizedPolicies synthesized = new SynthesizedPolicies(new PolicySet(List.of(policy), List.of(calico)),
                List.of(), List.of(), List.of());
        OutputModel model = new OutputModel(synthesized, new InferenceResult(null, null, null, null, null),
                new OutputModel.ClusterSummary(0, 0, 0, 0, 0), new OutputModel.InputDescription(null, null, -1, -1), null);
        Path out = tmp.resolve("out");

        new OutputRenderer(null).render(out, model);

        SchemaChecks checks = new SchemaChecks();
        YAMLMapper yaml = new YAMLMapper();
        List<String> problems = new ArrayList<>();
        JsonNode np = yaml.readTree(out.resolve("networkpolicies/odd-ns/odd.yaml").toFile());
        problems.addAll(checks.check("odd.yaml", np));
        problems.addAll(checks.check("odd-global.yaml", yaml.readTree(out.resolve("globalnetworkpolicies/odd-global.yaml").toFile())));
        assertEquals(List.of(), problems);
        assertEquals("true", np.path("spec").path("podSelector").path("matchLabels").path("app").asText());
        assertEquals("8080", np.path("spec").path("podSelector").path("matchExpressions").get(0).path("values").get(0).asText());
        assertEquals(8100, np.path("spec").path("ingress").get(0).path("ports").get(0).path("endPort").asInt());
        assertEquals(2, np.path("spec").path("ingress").size());
    }

    /** Issue 12 item 5: a numeric Calico protocol renders as a YAML integer; the report lists edges beyond NetworkPolicy. */
    @Test
    void otherProtocolsRenderAsCalicoNumbersAndInTheReport() throws IOException {
        CalicoPolicy gre = new CalicoPolicy(CalicoPolicy.CalicoKind.GLOBAL_NETWORK_POLICY, null, "flowpol-allow-other-protocols",
                "default", 150.0, "app == 'vpn'", null, null, List.of(PolicyType.EGRESS), List.of(),
                List.of(new CalicoRule(CalicoRule.CalicoAction.ALLOW, "47", null, 4, null,
                        new CalicoEntityRule(null, null, null, null, List.of(Cidr.parse("198.51.100.7/32")), null, null, null))));
        var vpn = io.flowpol.inference.model.Peer.workload(new io.flowpol.inference.model.WorkloadId("net", "Deployment", "vpn"));
        var evidence = new io.flowpol.inference.model.Evidence(2, 8, 800, 0, 60_000, null);
        var greEdge = new io.flowpol.inference.model.Edge(vpn,
                io.flowpol.inference.model.Peer.external(io.flowpol.inference.model.IpAddress.parse("198.51.100.7")), 47, 0, null, evidence);
        var hopopt = new io.flowpol.inference.model.Edge(vpn,
                io.flowpol.inference.model.Peer.external(io.flowpol.inference.model.IpAddress.parse("198.51.100.8")), 0, 0, null, evidence);
        SynthesizedPolicies synthesized = new SynthesizedPolicies(new PolicySet(List.of(), List.of(gre)), List.of(), List.of(),
                List.of(new io.flowpol.inference.synthesize.UnexpressibleEdge(greEdge, gre.name()),
                        new io.flowpol.inference.synthesize.UnexpressibleEdge(hopopt, null)), List.of());
        OutputModel model = new OutputModel(synthesized, new InferenceResult(List.of(greEdge, hopopt), null, null, null, null),
                new OutputModel.ClusterSummary(0, 0, 0, 0, 0), new OutputModel.InputDescription(null, null, -1, -1), null);
        Path out = tmp.resolve("out");

        new OutputRenderer(null).render(out, model);

        JsonNode doc = new YAMLMapper().readTree(out.resolve("globalnetworkpolicies/flowpol-allow-other-protocols.yaml").toFile());
        assertEquals(List.of(), new SchemaChecks().check("gre.yaml", doc));
        assertEquals(true, doc.path("spec").path("egress").get(0).path("protocol").isInt());
        String report = java.nio.file.Files.readString(out.resolve("report.md"));
        assertEquals(true, report.contains("## Not expressible in Kubernetes NetworkPolicy"), report);
        assertEquals(true, report.contains("| edges turned into rules | 1 |"), "the denied one got no rule: " + report);
        assertEquals(true, report.contains("| net/Deployment/vpn | external/198.51.100.7 | 47 | 2 |"), report);
        assertEquals(true, report.contains("| globalnetworkpolicies/flowpol-allow-other-protocols.yaml |"), report);
        assertEquals(true, report.contains("| external/198.51.100.8 | 0 | 2 | 1970-01-01T00:00:00Z | 1970-01-01T00:01:00Z | nothing: the generated policies deny it |"), report);
    }
}
