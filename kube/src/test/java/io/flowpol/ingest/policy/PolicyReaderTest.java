package io.flowpol.ingest.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.LabelRequirement;
import io.flowpol.inference.model.Protocol;
import io.flowpol.inference.policy.NetworkPolicy;
import io.flowpol.inference.policy.NetworkPolicyPeer;
import io.flowpol.inference.policy.NetworkPolicyPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyReaderTest {
    private static final String FULL_POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-in, namespace: shop, labels: {owner: flowpol}}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from:
                - podSelector: {matchLabels: {app: web}}
                  namespaceSelector:
                    matchExpressions: [{key: team, operator: In, values: [a, b]}]
                - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                ports:
                - port: http
                - {port: 8000, endPort: 8080, protocol: UDP}
              egress:
              - {}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void networkPolicyIsReadWithEveryPart() throws IOException {
        NetworkPolicy p = new PolicyReader().read(List.of(write("p.yaml", FULL_POLICY))).policies().networkPolicies().get(0);

        assertEquals("shop", p.namespace());
        assertEquals(Map.of("owner", "flowpol"), p.labels());
        assertEquals(List.of(), p.policyTypes(), "policyTypes stay as written; the evaluator defaults them");
        NetworkPolicyPeer both = p.ingress().get(0).peers().get(0);
        assertEquals(Map.of("app", "web"), both.podSelector().matchLabels());
        assertEquals(new LabelRequirement("team", LabelRequirement.Operator.IN, List.of("a", "b")),
                both.namespaceSelector().matchExpressions().get(0));
        assertEquals(List.of(Cidr.parse("10.1.0.0/16")), p.ingress().get(0).peers().get(1).ipBlock().except());
        assertEquals(List.of(NetworkPolicyPort.named(Protocol.TCP, "http"), new NetworkPolicyPort(Protocol.UDP, 8000, null, 8080)),
                p.ingress().get(0).ports());
        assertEquals(1, p.egress().size());
        assertTrue(p.egress().get(0).peers().isEmpty());
    }

    @Test
    void directoriesAreReadRecursivelyInSortedOrderWithListsAndJson() throws IOException {
        write("b/two.yaml", policy("two") + "---\n" + policy("three"));
        write("a.json", "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"NetworkPolicy\",\"metadata\":{\"name\":\"one\"},\"spec\":{}}");
        write("c/list.yml", "apiVersion: v1\nkind: List\nitems:\n- " + policy("four").replace("\n", "\n  "));
        write("notes.txt", "not read");

        List<String> names = new PolicyReader().read(List.of(dir)).policies().networkPolicies().stream()
                .map(NetworkPolicy::name).toList();

        assertEquals(List.of("one", "two", "three", "four"), names);
    }

    @Test
    void calicoPoliciesAreParsedAndOtherKindsListedAsIgnored() throws IOException {
        Path file = write("mixed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n" + policy("p")
                + "---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: g}\n");

        PolicyReadResult result = new PolicyReader().read(List.of(file));

        assertEquals(1, result.policies().networkPolicies().size());
        assertEquals(List.of("g"), result.policies().calicoPolicies().stream().map(c -> c.name()).toList());
        assertEquals(List.of(new IgnoredDocument(file.toString(), 1, "v1", "ConfigMap")), result.ignored());
    }

    @Test
    void namespaceDefaultsToDefault() throws IOException {
        assertEquals("default", new PolicyReader().read(List.of(write("p.yaml", policy("p")))).policies()
                .networkPolicies().get(0).namespace());
    }

    @Test
    void fieldOfTheWrongTypeNamesDocumentAndPath() throws IOException {
        Path file = write("bad.yaml", policy("ok") + "---\n" + policy("bad")
                + "spec:\n  ingress:\n  - ports:\n    - port: 80\n    - port: [80]\n");

        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(file)));

        assertEquals("document 2: spec.ingress[0].ports[1].port", e.problem().field());
        assertEquals(file.toString(), e.problem().file());
        assertEquals("a port 1-65535 or a port name", e.problem().expected());
    }

    @Test
    void quotedNumberIsNotAPortName() throws IOException {
        Path file = write("bad.yaml", policy("bad") + "spec:\n  ingress:\n  - ports:\n    - port: \"80\"\n");

        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(file)));

        assertEquals("document 1: spec.ingress[0].ports[0].port", e.problem().field());
        assertEquals("80", e.problem().found());
    }

    @Test
    void ipBlockWithASelectorIsRejected() throws IOException {
        Path file = write("bad.yaml", policy("bad")
                + "spec:\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8}\n      podSelector: {}\n");

        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(file)));

        assertEquals("document 1: spec.ingress[0].from[0]", e.problem().field());
    }

    @Test
    void malformedYamlReportsTheLine() throws IOException {
        Path file = write("broken.yaml", policy("p") + "---\nkind: [unclosed\nspec: {}\n");

        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(file)));

        assertEquals("valid YAML", e.problem().expected());
        assertTrue(e.problem().line() >= 5, e.getMessage());
    }

    @Test
    void unknownPolicyTypeIsRejected() throws IOException {
        Path file = write("bad.yaml", policy("bad") + "spec:\n  policyTypes: [Ingres]\n");

        InputException e = assertThrows(InputException.class, () -> new PolicyReader().read(List.of(file)));

        assertEquals("document 1: spec.policyTypes[0]", e.problem().field());
        assertEquals("Ingress or Egress", e.problem().expected());
        assertEquals("Ingres", e.problem().found());
    }

    private static String policy(String name) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + name + "\n";
    }
}
