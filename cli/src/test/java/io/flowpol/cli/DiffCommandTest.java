package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path generated;

    @BeforeEach
    void generate() {
        generated = tmp.resolve("generated");
        Cli.Result r = Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", generated.toString());
        assertEquals(0, r.exitCode(), r.toString());
    }

    private Cli.Result diff(Path current, Path proposed, String format) {
        return Cli.run("diff", "--current", current.toString(), "--proposed", proposed.toString(), "-o", format,
                "--flow-logs", Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString());
    }

    /** The generated set plus a Calico deny of frontend -> catalog and an unneeded frontend -> cart:9090 opening. */
    private Path handWritten() throws IOException {
        Path dir = tmp.resolve("hand");
        try (var files = Files.walk(generated)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Path to = dir.resolve(generated.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Files.writeString(dir.resolve("globalnetworkpolicies/block-catalog.yaml"), """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: block-catalog
                spec:
                  order: 10
                  selector: app == 'catalog'
                  types: [Ingress]
                  ingress:
                    - action: Deny
                      protocol: TCP
                      source:
                        selector: app == 'frontend'
                      destination:
                        ports: [8080]
                """);
        Files.writeString(dir.resolve("networkpolicies/shop/debug-port.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: debug-port, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: cart}}
                  policyTypes: [Ingress]
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: frontend}}}]
                      ports: [{protocol: TCP, port: 9090}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: debug-port-client, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: frontend}}
                  policyTypes: [Egress]
                  egress:
                    - to: [{podSelector: {matchLabels: {app: cart}}}]
                      ports: [{protocol: TCP, port: 9090}]
                """);
        return dir;
    }

    @Test
    void theGeneratedSetAgainstItselfReportsNoChange() {
        Cli.Result r = diff(generated, generated, "json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("\"broken\" : 0"), r.out());
        assertTrue(r.out().contains("\"overPermission\" : [ ]"), r.out());
        assertTrue(r.out().contains("\"added\" : [ ]") && r.out().contains("\"changed\" : [ ]"), r.out());
    }

    @Test
    void aProposalThatBlocksOneEdgeAndOpensOnePortIsReportedExactly() throws IOException {
        Cli.Result r = diff(generated, handWritten(), "json");
        assertEquals(3, r.exitCode(), r.toString());
        JsonNode report = JSON.readTree(r.out());
        List<String> broken = new ArrayList<>();
        report.path("edges").forEach(e -> {
            if (e.path("status").asText().equals("BROKEN")) {
                broken.add(e.path("client").asText() + " -> " + e.path("server").asText() + " " + e.path("port").asInt());
            }
        });
        assertEquals(List.of("shop/Deployment/frontend -> shop/Deployment/catalog 8080"), broken);
        List<String> over = new ArrayList<>();
        report.path("overPermission").forEach(e -> over.add(e.path("client").asText() + " -> " + e.path("server").asText()
                + " " + e.path("protocol").asText() + " " + e.path("port").asInt()));
        assertEquals(List.of("shop/Deployment/frontend -> shop/Deployment/cart TCP 9090"), over);
        assertEquals(3, report.path("structure").path("added").size(), report.path("structure").toString());
        assertTrue(r.err().contains("would deny 1 observed edge"), r.err());
    }

    @Test
    void markdownPutsTheBrokenFlowFirst() throws IOException {
        Cli.Result r = diff(generated, handWritten(), "markdown");
        assertEquals(3, r.exitCode());
        int broken = r.out().indexOf("catalog");
        int structure = r.out().indexOf("```diff");
        assertTrue(broken > 0 && structure > broken, r.out());
    }

    @Test
    void withoutFlowLogsOnlyTheStructureIsCompared() throws IOException {
        Cli.Result r = Cli.run("diff", "--current", generated.toString(), "--proposed", handWritten().toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("debug-port"), r.out());
    }
}
