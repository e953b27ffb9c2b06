package io.flowpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path tmp;

    private Cli.Result verify(Path policies, String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--policies", policies.toString(), "--flow-logs",
                Cli.DEMO.resolve("flowlogs/v5").toString(), "--cluster", Cli.DEMO.resolve("recording.jsonl").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void generatedPoliciesPassTheirOwnWindow() {
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("generate", "--flow-logs", Cli.DEMO.resolve("flowlogs/v2").toString(), "--cluster",
                Cli.DEMO.resolve("recording.jsonl").toString(), "--out", out.toString()).exitCode());
        Cli.Result r = verify(out, "--strict");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("(?s).*flowpol: (\\d+) of \\1 observed edges allowed.*"), r.out());
        assertFalse(r.err().contains("warning"), "generated policies use only known fields: " + r.err());
    }

    @Test
    void aPolicyThatBlocksObservedTrafficExitsThreeAndNamesEdgeAndPolicy() throws IOException {
        Path policies = tmp.resolve("current");
        Files.createDirectories(policies);
        Files.writeString(policies.resolve("deny.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: catalog-lockdown
                  namespace: shop
                spec:
                  podSelector:
                    matchLabels:
                      app: catalog
                  policyTypes: [Ingress]
                """);
        Cli.Result r = verify(policies);
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.out().contains("DENIED  shop/Deployment/frontend -> shop/Deployment/catalog TCP/8080"), r.out());
        assertTrue(r.out().contains("NetworkPolicy/shop/catalog-lockdown"), r.out());
        assertTrue(r.err().startsWith("flowpol: the policies would deny 1 observed edge"), r.err());
    }

    /** Issue 17 item 2: an AdminNetworkPolicy Deny is final, before any NetworkPolicy. */
    @Test
    void anAdminNetworkPolicyThatBlocksObservedTrafficIsNamed() throws IOException {
        Path policies = tmp.resolve("admin");
        Files.createDirectories(policies);
        Files.writeString(policies.resolve("anp.yaml"), """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata:
                  name: no-catalog-8080
                spec:
                  priority: 10
                  subject:
                    pods:
                      namespaceSelector: {}
                      podSelector:
                        matchLabels:
                          app: catalog
                  ingress:
                    - name: deny-8080
                      action: Deny
                      from:
                        - namespaces: {}
                      ports:
                        - portNumber: {protocol: TCP, port: 8080}
                """);
        Cli.Result r = verify(policies);
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.out().contains("DENIED  shop/Deployment/frontend -> shop/Deployment/catalog TCP/8080"), r.out());
        assertTrue(r.out().contains("deny: AdminNetworkPolicy/no-catalog-8080 ingress[0]"), r.out());
        assertTrue(r.out().contains("and 0 Calico policies (and 1 admin network policies); "), r.out());
        assertFalse(r.err().contains("holds no NetworkPolicy"), r.err());
    }

    @Test
    void malformedPolicyYamlNamesFileAndDocument() throws IOException {
        Path policies = tmp.resolve("bad");
        Files.createDirectories(policies);
        Files.writeString(policies.resolve("p.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a, namespace: shop}
                spec: {podSelector: {}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: b, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                    - ports: [{port: 99999}]
                """);
        Cli.Result r = verify(policies);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("p.yaml") && r.err().contains("document 2"), r.err());
    }
}
