package io.flowpol.ingest.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowpol.inference.diff.StructuralDiff;
import io.flowpol.inference.model.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyDocumentsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** As written in a repository: no defaults, comments, keys in a human order. */
    private static final String FILE = """
            # allow the frontend to reach the backend
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: backend
              namespace: shop
            spec:
              podSelector:
                matchLabels: {app: backend}
              ingress:
              - from:
                - podSelector:
                    matchLabels: {app: frontend}
                ports:
                - port: 8080
              egress: []
            """;

    /** The same policy as the API server returns it. */
    private static final String SERVED = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"networking.k8s.io/v1"}'
              creationTimestamp: "2026-11-30T10:00:00Z"
              generation: 3
              managedFields: [{manager: kubectl}]
              name: backend
              namespace: shop
              resourceVersion: "4711"
              uid: 0b1c
            spec:
              ingress:
              - ports:
                - protocol: TCP
                  port: 8080
                from:
                - podSelector:
                    matchLabels: {app: frontend}
              podSelector:
                matchLabels: {app: backend}
              policyTypes: [Ingress]
            status: {}
            """;

    @Test
    void fileAndServedFormOfOnePolicyNormaliseToTheSameText() {
        Map<String, String> file = PolicyDocuments.normalise(List.of(yaml(FILE)), "dir");
        Map<String, String> served = PolicyDocuments.normalise(List.of(yaml(SERVED)), "cluster");

        assertEquals(served, file);
        assertTrue(StructuralDiff.of(served, file).isEmpty());
    }

    @Test
    void normalisedTextHasSortedKeysDefaultsAndNoServerFields() {
        String text = PolicyDocuments.normalise(List.of(yaml(SERVED)), "cluster")
                .get("networking.k8s.io/NetworkPolicy/shop/backend");

        assertEquals("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: backend
                  namespace: shop
                spec:
                  ingress:
                  - from:
                    - podSelector:
                        matchLabels:
                          app: frontend
                    ports:
                    - port: 8080
                      protocol: TCP
                  podSelector:
                    matchLabels:
                      app: backend
                  policyTypes:
                  - Ingress
                """, text);
    }

    @Test
    void egressRulesDefaultPolicyTypesToIngressAndEgress() {
        JsonNode doc = yaml("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a}
                spec:
                  podSelector: {}
                  egress: [{}]
                """);

        String text = PolicyDocuments.normalise(List.of(doc), "dir").get("networking.k8s.io/NetworkPolicy/default/a");

        assertTrue(text.contains("policyTypes:\n  - Ingress\n  - Egress\n"), text);
        assertTrue(text.contains("podSelector: {}"), "an empty selector selects all pods and stays: " + text);
        assertTrue(text.contains("egress:\n  - {}"), "an empty rule allows everything and stays: " + text);
    }

    @Test
    void calicoCrdFormMatchesTheApiServerForm() {
        JsonNode crd = yaml("""
                apiVersion: crd.projectcalico.org/v1
                kind: GlobalNetworkPolicy
                metadata: {name: default.deny-kubelet, uid: x, resourceVersion: "9"}
                spec:
                  selector: all()
                  types: [Ingress]
                  ingress:
                  - action: Deny
                    protocol: TCP
                    source: {}
                    destination: {ports: [10250]}
                """);
        JsonNode v3 = yaml("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: deny-kubelet}
                spec:
                  selector: all()
                  types: [Ingress]
                  ingress:
                  - action: Deny
                    protocol: TCP
                    destination: {ports: [10250]}
                """);

        Map<String, String> cluster = PolicyDocuments.normalise(List.of(crd), "cluster");

        assertEquals(List.of("projectcalico.org/GlobalNetworkPolicy/deny-kubelet"), List.copyOf(cluster.keySet()));
        assertEquals(PolicyDocuments.normalise(List.of(v3), "dir"), cluster);
    }

    @Test
    void quotedNumberStaysDistinctFromNumber() {
        String number = PolicyDocuments.yaml(yaml("port: 80"));
        String text = PolicyDocuments.yaml(yaml("port: \"80\""));

        assertFalse(number.equals(text), number + " vs " + text);
    }

    @Test
    void otherKindsAreSkipped() {
        JsonNode namespace = yaml("{apiVersion: v1, kind: Namespace, metadata: {name: shop}}");
        JsonNode kustomization = yaml("{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization}");

        assertEquals(Map.of(), PolicyDocuments.normalise(List.of(namespace, kustomization), "dir"));
    }

    @Test
    void twoDocumentsForOnePolicyAreAnError() {
        InputException e = assertThrows(InputException.class,
                () -> PolicyDocuments.normalise(List.of(yaml(FILE), yaml(SERVED)), "dir"));

        assertEquals("dir: networking.k8s.io/NetworkPolicy/shop/backend: expected one document per policy, found two",
                e.getMessage());
    }

    @Test
    void directoryOfFilesReadsLikeTheClustersDocuments(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("networkpolicies/shop"));
        Files.writeString(dir.resolve("networkpolicies/shop/backend.yaml"), FILE);
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- networkpolicies/shop/backend.yaml\n");

        assertEquals(PolicyDocuments.normalise(List.of(yaml(SERVED)), "cluster"), PolicyDocuments.read(List.of(dir)));
    }
}
